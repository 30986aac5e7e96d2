using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Xunit;

namespace StrategyLayer.Cli.Tests;

public sealed class ServeVerbTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sl-serve-" + Guid.NewGuid().ToString("N")[..8]);

    public ServeVerbTests() => Directory.CreateDirectory(_dir);

    private static string RepoConfig
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(dir!.FullName, "StrategyLayer.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir.FullName, "config", "strategylayer.json");
        }
    }

    [Fact]
    public async Task Serve_beyond_loopback_without_sign_in_refuses_to_start()
    {
        var result = await CliRunner.RunAsync(["serve", "--config", RepoConfig, "--store", Path.Combine(_dir, "s.db"), "--urls", "http://0.0.0.0:5999"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("0.0.0.0", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("web.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_answers_the_status_api_with_the_same_object_as_status_json_and_stops_on_ctrl_c()
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { CliRunner.Dll, "serve", "--config", RepoConfig, "--store", Path.Combine(_dir, "s.db"), "--urls", $"http://127.0.0.1:{port}" })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var http = new HttpClient();
        string? body = null;
        for (var i = 0; i < 120 && body is null && !process.HasExited; i++)
        {
            try
            {
                body = await http.GetStringAsync($"http://127.0.0.1:{port}/api/status");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }

        Assert.True(body is not null, "serve did not answer: " + (process.HasExited ? await stderr : "still starting"));
        using var doc = JsonDocument.Parse(body!);
        Assert.Contains(doc.RootElement.GetProperty("sources").EnumerateArray(), s => s.GetProperty("source").GetString() == "jira");

        using (var post = await http.PostAsync($"http://127.0.0.1:{port}/api/status", null))
        {
            Assert.True(post.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound);
        }

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, process.ExitCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
    }
}
