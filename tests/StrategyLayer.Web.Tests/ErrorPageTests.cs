using System.Net;
using StrategyLayer.Web.Tests.Support;

namespace StrategyLayer.Web.Tests;

/// <summary>A server whose Teams template fails at render time (a PMO's edit gone wrong).</summary>
public sealed class BrokenTemplateServer : LoopbackServer
{
    private readonly string templates = Path.Combine(Path.GetTempPath(), "sl-web-templates-" + Guid.NewGuid().ToString("N"));

    public BrokenTemplateServer()
    {
        foreach (var file in Directory.EnumerateFiles(DemoStore.Templates, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(templates, Path.GetRelativePath(DemoStore.Templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(templates, "web", "teams.sbn"), "{{ include '_top' }}\n{{ no_such.function teams }}\n{{ include '_bottom' }}\n");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(templates, recursive: true);
    }

    protected override WebServerOptions Configure(WebServerOptions options) => options with { TemplatesFolder = templates };
}

public sealed class ErrorPageTests(BrokenTemplateServer server) : IClassFixture<BrokenTemplateServer>
{
    [Fact]
    public async Task A_failing_page_shows_a_generic_error_with_a_request_id_and_no_stack_trace()
    {
        using var response = await server.Client.GetAsync("/teams");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", html);
        Assert.Matches("Request id: <code>[^<]+</code>", html);
        Assert.DoesNotContain("teams.sbn", html);
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain(" at StrategyLayer", html);
        Assert.Contains("default-src 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task The_details_go_to_the_log_under_the_same_request_id()
    {
        using var response = await server.Client.GetAsync("/teams");
        var html = await response.Content.ReadAsStringAsync();
        var requestId = System.Text.RegularExpressions.Regex.Match(html, "Request id: <code>([^<]+)</code>").Groups[1].Value;

        var logged = Assert.Single(server.Log.Events, e => e.RenderMessage().Contains(requestId, StringComparison.Ordinal));
        Assert.Contains("teams.sbn", logged.Exception!.Message);
    }

    [Fact]
    public async Task Other_pages_keep_working()
    {
        using var response = await server.Client.GetAsync("/runs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
