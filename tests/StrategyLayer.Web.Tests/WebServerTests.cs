using System.Net;
using StrategyLayer.Web.Tests.Support;

namespace StrategyLayer.Web.Tests;

public sealed class WebServerTests : IAsyncLifetime, IDisposable
{
    private readonly DemoStore demo = new();
    private readonly string temp = Path.Combine(Path.GetTempPath(), "sl-web-validate-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task RunAsync_serves_until_cancelled_then_stops_and_leaves_the_store_open()
    {
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var run = WebServer.RunAsync(demo.Options($"http://127.0.0.1:{port}"), demo.Store, stop: stop.Token);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var status = await Retry(() => client.GetAsync("/api/status"));
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/api/status"));
        Assert.NotNull(await demo.Store.FindItemAsync("jira:PAY-1", CancellationToken.None));
    }

    [Fact]
    public async Task A_port_in_use_is_an_error_naming_the_url()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

        var e = await Assert.ThrowsAsync<Domain.Errors.StrategyLayerException>(() => WebServer.StartAsync(demo.Options(url), demo.Store));

        Assert.Contains(url, e.Message);
        Assert.Equal("web.urls", e.Where);
    }

    [Fact]
    public void The_shipped_page_templates_validate_clean() =>
        Assert.Empty(WebServer.ValidateTemplates(DemoStore.Templates));

    [Fact]
    public void A_broken_page_template_is_reported_with_file_and_line()
    {
        Directory.CreateDirectory(Path.Combine(temp, "web"));
        File.WriteAllText(Path.Combine(temp, "web", "teams.sbn"), "<h1>Teams</h1>\n{{ for t in teams }\n");

        var problems = WebServer.ValidateTemplates(temp);

        Assert.Contains(problems, p => p.File!.EndsWith("teams.sbn", StringComparison.Ordinal) && p.Line == 2);
        Assert.Contains(problems, p => p.Message.Contains("'portfolio' page template is missing", StringComparison.Ordinal));
    }

    public Task InitializeAsync() => demo.SeedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_broken_page_template_refuses_the_start_with_file_line_and_column()
    {
        CopyFolder(DemoStore.Templates, temp);
        File.WriteAllText(Path.Combine(temp, "web", "teams.sbn"), "<h1>Teams</h1>\n{{ for t in teams }\n");

        var e = await Assert.ThrowsAsync<Domain.Errors.DiagnosticsException>(() => WebServer.StartAsync(demo.Options() with { TemplatesFolder = temp }, demo.Store));

        Assert.NotEmpty(e.Diagnostics);
        Assert.All(e.Diagnostics, problem =>
        {
            Assert.EndsWith("teams.sbn", problem.File, StringComparison.Ordinal);
            Assert.Equal(2, problem.Line);
            Assert.Equal(19, problem.Column);
        });
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    public void Dispose()
    {
        demo.Dispose();
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<HttpResponseMessage> Retry(Func<Task<HttpResponseMessage>> request)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await request();
            }
            catch (HttpRequestException) when (attempt < 100)
            {
                await Task.Delay(50);
            }
        }
    }
}
