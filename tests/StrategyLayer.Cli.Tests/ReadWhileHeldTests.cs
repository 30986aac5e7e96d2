using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// While <c>serve</c> holds the store, <c>status</c>, <c>items</c> and <c>explain</c> in another
/// process still work (they read through the holder) and say the same as before; a verb that writes
/// is refused at once, naming the holder and what to do.
/// </summary>
public sealed class ReadWhileHeldTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly TempFolder _folder = new("sl-held");

    [Fact]
    public async Task Reads_work_and_agree_while_serve_holds_the_store_and_a_sync_is_refused_naming_serve()
    {
        var config = RepoFiles.WriteConfig(_folder.Path, RepoFiles.SandboxSources(fixture.Sandbox));
        Assert.Equal(0, (await CliRunner.RunAsync(["sync", "--config", config], timeout: TimeSpan.FromMinutes(3))).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(["map", "--config", config])).ExitCode);
        var itemsBefore = await CliRunner.RunAsync(["items", "--untracked", "--json", "--config", config]);
        var explainBefore = await CliRunner.RunAsync(["explain", "jira:WEB-3", "--json", "--config", config]);
        Assert.True(itemsBefore.ExitCode == 0 && explainBefore.ExitCode == 0, itemsBefore + "\n" + explainBefore);

        var port = FreePort();
        using var serve = Start("serve", "--config", config, "--urls", $"http://127.0.0.1:{port}");
        try
        {
            await WaitUntilServingAsync(serve, port);

            var status = await CliRunner.RunAsync(["status", "--json", "--config", config]);
            Assert.True(status.ExitCode == 0, status.ToString());
            using (var doc = JsonDocument.Parse(status.Stdout))
            {
                Assert.Contains(doc.RootElement.GetProperty("sources").EnumerateArray(), s => s.GetProperty("source").GetString() == "jira" && s.GetProperty("items").GetInt32() == fixture.Sandbox.Counts().Jira);
            }

            var items = await CliRunner.RunAsync(["items", "--untracked", "--json", "--config", config]);
            Assert.True(items.ExitCode == 0, items.ToString());
            Assert.Equal(itemsBefore.Stdout.Trim(), items.Stdout.Trim());

            var table = await CliRunner.RunAsync(["items", "--untracked", "--config", config]);
            Assert.True(table.ExitCode == 0, table.ToString());
            Assert.Contains("jira:DATA-", table.Stdout, StringComparison.Ordinal);

            var explain = await CliRunner.RunAsync(["explain", "jira:WEB-3", "--json", "--config", config]);
            Assert.True(explain.ExitCode == 0, explain.ToString());
            Assert.Equal(explainBefore.Stdout.Trim(), explain.Stdout.Trim());

            var missing = await CliRunner.RunAsync(["explain", "jira:NOPE-1", "--config", config]);
            Assert.True(missing.ExitCode == 1, missing.ToString());
            Assert.Contains("no stored item 'jira:NOPE-1'", missing.Stderr, StringComparison.Ordinal);

            var started = Stopwatch.GetTimestamp();
            var sync = await CliRunner.RunAsync(["sync", "--config", config]);
            Assert.True(sync.ExitCode == 1, sync.ToString());
            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(20));
            Assert.Contains(serve.Id.ToString(CultureInfo.InvariantCulture), sync.Stderr, StringComparison.Ordinal);
            Assert.Contains("serve", sync.Stderr, StringComparison.Ordinal);
            Assert.Contains($"kill {serve.Id}", sync.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", sync.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            await StopAsync(serve);
        }

        // The holder took its reader file with it: the next reader opens the store itself.
        Assert.False(File.Exists(Path.Combine(_folder.Path, "store.db.reader")));
        Assert.Equal(0, (await CliRunner.RunAsync(["status", "--config", config])).ExitCode);
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(CliRunner.Dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilServingAsync(Process serve, int port)
    {
        using var http = new HttpClient();
        for (var i = 0; i < 240 && !serve.HasExited; i++)
        {
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/api/status");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException("serve did not start" + (serve.HasExited ? $" (exit {serve.ExitCode})" : ""));
    }

    private static async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _folder.Dispose();
}
