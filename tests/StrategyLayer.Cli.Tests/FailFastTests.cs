using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// What waiting will not heal fails in seconds, with the URL and the cause: a source on a port where
/// nothing listens is tried twice, and when every source failed the exit code is 1, not 3.
/// </summary>
public sealed class FailFastTests : IDisposable
{
    private readonly TempFolder _folder = new("sl-refused");

    [Fact]
    public async Task A_sync_of_sources_where_nothing_listens_exits_1_within_30_seconds_naming_the_url_and_the_cause()
    {
        var port = ClosedPort();
        var config = RepoFiles.WriteConfig(_folder.Path, $$"""
            [
              { "name": "jira", "type": "jira-cloud", "baseUrl": "http://127.0.0.1:{{port}}/jira", "scope": "project = PAY" },
              { "name": "servicenow", "type": "servicenow", "baseUrl": "http://127.0.0.1:{{port}}/sn", "tables": ["incident"] }
            ]
            """);
        var started = Stopwatch.GetTimestamp();

        var result = await CliRunner.RunAsync(["sync", "--config", config], timeout: TimeSpan.FromSeconds(60));

        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "took " + Stopwatch.GetElapsedTime(started));
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"could not reach http://127.0.0.1:{port}/jira", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"could not reach http://127.0.0.1:{port}/sn", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("connection refused", result.Stderr, StringComparison.Ordinal);

        // Retry lines say what failed and the wait in seconds; and the way out for a local source.
        Assert.Matches(@"Retrying jira after a network error \(connection refused[^)]*\) \(attempt 2\), waiting \d+\.\d s", result.Stderr);
        Assert.DoesNotMatch(@"attempt 3", result.Stderr);
        Assert.Contains("strategylayer sandbox", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_name_that_does_not_resolve_fails_a_sync_within_30_seconds_naming_the_url()
    {
        var config = RepoFiles.WriteConfig(_folder.Path, """
            [ { "name": "jira", "type": "jira-cloud", "baseUrl": "http://no-such-host.invalid/jira", "scope": "project = PAY" } ]
            """);
        var started = Stopwatch.GetTimestamp();

        var result = await CliRunner.RunAsync(["sync", "--config", config], timeout: TimeSpan.FromSeconds(90));

        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "took " + Stopwatch.GetElapsedTime(started));
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("could not reach http://no-such-host.invalid/jira", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tls_handshake_that_fails_is_tried_twice_and_named()
    {
        // A server that answers every connection in plain text: an https client's handshake fails.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                await client.GetStream().WriteAsync("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n"u8.ToArray(), stop.Token);
            }
        });
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var config = RepoFiles.WriteConfig(_folder.Path, $$"""
            [ { "name": "jira", "type": "jira-cloud", "baseUrl": "https://127.0.0.1:{{port}}/jira", "scope": "project = PAY" } ]
            """);
        var started = Stopwatch.GetTimestamp();

        var result = await CliRunner.RunAsync(["sync", "--config", config], timeout: TimeSpan.FromSeconds(60));
        await stop.CancelAsync();

        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "took " + Stopwatch.GetElapsedTime(started));
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"could not reach https://127.0.0.1:{port}/jira", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("TLS handshake failed", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"attempt 3", result.Stderr);
        await Task.WhenAny(serving, Task.Delay(TimeSpan.FromSeconds(5)));
    }

    /// <summary>A loopback port nothing listens on: bound for a moment by the system, then let go.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _folder.Dispose();
}
