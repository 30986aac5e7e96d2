using System.Text.Json;
using AngleSharp.Html.Parser;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// A Cloud migration in progress: two Jira sites hold the same keys (the sandbox's Cloud and Data
/// Center APIs serve the same issues). <c>report</c>, <c>run</c> and the web view succeed, and each
/// dependency resolves within the site of the item that links it.
/// </summary>
public sealed class TwoJiraSitesTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "sl-sites-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly SandboxFixture fixture;

    public TwoJiraSitesTests(SandboxFixture fixture)
    {
        this.fixture = fixture;
        Directory.CreateDirectory(dir);
        var config = Path.GetDirectoryName(DemoRun.DemoConfig)!;
        File.WriteAllText(ConfigPath, $$"""
            {
              "store": "store.db",
              "logs": "logs",
              "timeZone": "Europe/Lisbon",
              "strategy": {{JsonSerializer.Serialize(Path.Combine(config, "strategy.json"))}},
              "rules": {{JsonSerializer.Serialize(Path.Combine(config, "rules.json"))}},
              "templates": {{JsonSerializer.Serialize(Path.Combine(config, "..", "templates"))}},
              "sources": [
                { "name": "jira", "type": "jira-cloud", "baseUrl": "{{fixture.Sandbox.JiraCloudUrl}}", "scope": "project in (PAY, OPS) ORDER BY updated" },
                { "name": "jira-dc", "type": "jira-datacenter", "baseUrl": "{{fixture.Sandbox.JiraDataCenterUrl}}", "scope": "project in (PAY, OPS) ORDER BY updated" }
              ],
              "audiences": [ { "name": "executives", "template": "portfolio-pack", "format": "html", "channels": ["share"] } ],
              "channels": [ { "name": "share", "type": "folder", "path": "share" } ]
            }
            """);
    }

    private string ConfigPath => Path.Combine(dir, "strategylayer.json");

    public void Dispose()
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<CliResult> Cli(params string[] args)
    {
        var result = await CliRunner.RunAsync([.. args, "--config", ConfigPath], timeout: TimeSpan.FromMinutes(3));
        Assert.True(result.ExitCode == 0, string.Join(' ', args) + ": " + result);
        return result;
    }

    [Fact]
    public async Task The_map_summary_reaches_the_log_file_once()
    {
        await Cli("sync", "--quiet");
        await Cli("map", "--quiet");

        var summaries = Directory.GetFiles(Path.Combine(dir, "logs"), "*.log")
            .SelectMany(f => File.ReadAllLines(f))
            .Where(line => line.Contains("\"@mt\":\"Mapped {Items} items", StringComparison.Ordinal))
            .ToList();
        var summary = Assert.Single(summaries);
        using var logged = JsonDocument.Parse(summary);
        Assert.True(logged.RootElement.GetProperty("Items").GetInt64() > 0, summary);
    }

    [Fact]
    public async Task Report_run_and_the_web_view_succeed_and_each_link_resolves_within_its_own_site()
    {
        await Cli("sync", "--quiet");
        await Cli("map", "--quiet");

        var report = await Cli("report", "--json", "--format", "html", "--out", Path.Combine(dir, "out"));
        using (var json = JsonDocument.Parse(report.Stdout))
        {
            Assert.Empty(json.RootElement.GetProperty("dataQuality").EnumerateArray());
            // The OPS blockers hold up PAY on both sites (no status thresholds configured: the defaults make them red).
            Assert.Equal("red", json.RootElement.GetProperty("statuses").EnumerateArray()
                .Single(s => s.GetProperty("measure").GetString() == "M-PCI-TOKEN").GetProperty("implementation").GetString());
        }

        // Every blocker row links its OPS item and the PAY items it blocks on one site, and both sites have rows.
        var period = JsonDocument.Parse(report.Stdout).RootElement.GetProperty("period").GetString();
        var pack = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(Path.Combine(dir, "out", $"portfolio-pack-{period}.html")));
        var rows = pack.QuerySelectorAll("section#blockers tbody tr").Where(r => r.QuerySelector("td a")?.TextContent.StartsWith("OPS-", StringComparison.Ordinal) == true).ToList();
        var sites = new List<string>();
        foreach (var row in rows)
        {
            var links = row.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
            var site = links[0].StartsWith(fixture.Sandbox.JiraCloudUrl + "/", StringComparison.Ordinal) ? fixture.Sandbox.JiraCloudUrl : fixture.Sandbox.JiraDataCenterUrl;
            Assert.All(links, href => Assert.StartsWith(site + "/", href, StringComparison.Ordinal));
            sites.Add(site);
        }

        Assert.Contains(fixture.Sandbox.JiraCloudUrl, sites);
        Assert.Contains(fixture.Sandbox.JiraDataCenterUrl, sites);

        var run = await Cli("run", "--json");
        using (var json = JsonDocument.Parse(run.Stdout))
        {
            Assert.False(json.RootElement.GetProperty("partial").GetBoolean());
            Assert.Empty(json.RootElement.GetProperty("report").GetProperty("dataQuality").EnumerateArray());
        }

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir, "share"), "portfolio-pack-*.html", SearchOption.AllDirectories));

        await using var web = await ServedWebView.StartAsync(["--config", ConfigPath]);
        using var page = await web.Http.GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        using var api = JsonDocument.Parse(await web.Http.GetStringAsync("/api/report"));
        Assert.Empty(api.RootElement.GetProperty("dataQuality").EnumerateArray());
        Assert.Equal(period, api.RootElement.GetProperty("period").GetString());
    }
}
