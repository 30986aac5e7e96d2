using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Mapping;
using StrategyLayer.Reporting;
using StrategyLayer.Web.Tests.Support;

namespace StrategyLayer.Web.Tests;

/// <summary>
/// Every figure the web view shows comes from the report model of the packs: <c>/api/report</c>, the
/// portfolio, Teams and Untracked pages and <c>/api/status</c> state the same coverage, with
/// out-of-scope items counted apart; two Jira sites that hold the same keys break no page.
/// </summary>
public sealed class OneModelTests(OneModelTests.Server server) : IClassFixture<OneModelTests.Server>
{
    /// <summary>The demo-like store plus out-of-scope work and a second Jira site holding the same keys.</summary>
    public sealed class Server() : LoopbackServer(extraWebItems: 3, more: Extra)
    {
        private static IEnumerable<WorkItem> Extra(DemoStore demo)
        {
            // Cancelled (out of scope) though a rule maps it, and routine ServiceNow work of a team with nothing in scope.
            yield return demo.Issue("PAY-90", "Dropped tokenization spike", i => i with { Labels = ["pci"], Status = "Won't Do", Category = StatusCategory.Cancelled });
            yield return demo.Issue("INC-ROUTINE", "Printer jam", i => i with
            {
                Source = "servicenow",
                SourceId = "sys-routine",
                Key = "INC0010777",
                Kind = WorkItemKind.Incident,
                Table = "incident",
                Project = "incident",
                Team = "Network Ops",
                Priority = "4 - Low",
                PriorityRank = 4,
            });

            // The Data Center site during the migration: the same PAY-2, blocked by its own OPS-7, which is done there.
            var dc = (WorkItem i) => i with { Source = "jira-dc", SourceId = "dc-" + i.Key, BrowseUrl = "https://jira-dc.example.test/browse/" + i.Key };
            yield return dc(demo.Issue("PAY-2", "Replace PAN storage in checkout (DC)", i => i with
            {
                Labels = ["pci"],
                Links = [new ItemLink(LinkTypes.IsBlockedBy, "OPS-7", "In Progress", StatusCategory.InProgress, "OPS")],
            }));
            yield return dc(demo.Issue("OPS-7", "Firewall change (DC)", i => i with { Status = "Done", Category = StatusCategory.Done }));
        }
    }

    private ReportBuilder Builder() => new(
        server.Demo.Store, server.Demo.Store, server.Demo.Tree, new ItemFilterCompiler(), ReportSettings.Default, new ReportEnvironment(TimeZoneInfo.Utc, null, ["jira", "servicenow"]), TimeProvider.System);

    private async Task<JsonElement> Json(string path)
    {
        using var response = await server.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> Page(string path)
    {
        using var response = await server.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static string Text(AngleSharp.Dom.IElement e) => Regex.Replace(e.TextContent, @"\s+", " ").Trim();

    [Fact]
    public async Task The_report_api_returns_the_report_models_coverage_and_statuses_for_the_running_period()
    {
        var builder = Builder();
        var expected = await builder.ReportAsync(builder.CurrentPeriod(), CancellationToken.None);

        var report = await Json("/api/report");

        Assert.Equal(expected.Period, report.GetProperty("period").GetString());
        Assert.Equal("provisional", report.GetProperty("state").GetString());
        Assert.False(report.TryGetProperty("files", out _));
        var coverage = report.GetProperty("coverage").Deserialize<Coverage>()!;
        Assert.Equal(expected.Coverage, coverage);
        Assert.Equal(coverage.InScope, coverage.Mapped + coverage.Untracked);
        Assert.Equal(2, coverage.OutOfScope);
        Assert.Equal(
            expected.Statuses.Select(s => (s.Measure, s.Implementation, s.Potential)),
            report.GetProperty("statuses").EnumerateArray().Select(s => (s.GetProperty("measure").GetString()!, s.GetProperty("implementation").GetString()!, s.GetProperty("potential").GetString()!)));
        Assert.True(report.GetProperty("asOf").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task The_portfolio_teams_and_untracked_pages_show_the_same_numbers_as_the_report()
    {
        var coverage = (await Json("/api/report")).GetProperty("coverage").Deserialize<Coverage>()!;
        var builder = Builder();
        var model = await builder.BuildAsync(await builder.ReadAsync(builder.CurrentPeriod(), CancellationToken.None), ReportScope.Portfolio, null, CancellationToken.None);

        var portfolio = await Page("/");
        var tiles = portfolio.QuerySelectorAll("section.executive .tile .label").Select(Text).ToList();
        Assert.Contains($"coverage: {coverage.Mapped} of {coverage.InScope} in-scope items map to a measure ({coverage.OutOfScope} out of scope, counted apart)", tiles);
        Assert.Contains($"untracked: {coverage.Untracked} items", tiles);

        var teams = (await Page("/teams")).QuerySelectorAll("#teams tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(Text).ToList())
            .ToDictionary(c => c[0], c => (InScope: int.Parse(c[1]), Untracked: int.Parse(c[3]), Share: c[4], OutOfScope: int.Parse(c[5])));
        Assert.Equal(model.Teams.Select(t => t.Team).Order(), teams.Keys.Order());
        foreach (var t in model.Teams)
        {
            Assert.Equal((t.InScope, t.Untracked, t.OutOfScope), (teams[t.Team].InScope, teams[t.Team].Untracked, teams[t.Team].OutOfScope));
        }

        // PAY's share is of its in-scope items (its cancelled item apart), as in the packs.
        var pay = model.UntrackedByTeam.Single(t => t.Team == "PAY");
        Assert.Equal(pay.UntrackedPercent.ToString(System.Globalization.CultureInfo.InvariantCulture) + "%", teams["PAY"].Share);
        Assert.Equal(1, teams["PAY"].OutOfScope);
        Assert.Equal((0, 1), (teams["Network Ops"].InScope, teams["Network Ops"].OutOfScope));
        Assert.Equal(coverage.InScope, teams.Values.Sum(t => t.InScope));
        Assert.Equal(coverage.OutOfScope, teams.Values.Sum(t => t.OutOfScope));

        var untracked = await Page("/untracked");
        Assert.StartsWith($"{coverage.Untracked} of {coverage.InScope} in-scope items map to no measure", Text(untracked.QuerySelector("#untracked-total")!), StringComparison.Ordinal);
        var rows = untracked.QuerySelectorAll("#untracked-teams tbody tr").Select(r => r.QuerySelectorAll("td").Select(Text).ToList()).ToList();
        Assert.Equal(coverage.Untracked, rows.Sum(r => int.Parse(r[2])));
    }

    [Fact]
    public async Task The_status_api_gives_the_reports_untracked_share_unrounded()
    {
        var coverage = (await Json("/api/report")).GetProperty("coverage").Deserialize<Coverage>()!;

        var status = await Json("/api/status");

        Assert.Equal((double)coverage.Untracked / coverage.InScope, status.GetProperty("untrackedShare").GetDouble());
    }

    [Theory]
    [InlineData("/teams")]
    [InlineData("/untracked")]
    [InlineData("/items?team=PAY")]
    [InlineData("/items/jira%3APAY-2")]
    [InlineData("/runs")]
    [InlineData("/")]
    public async Task Every_page_states_its_period_as_of_time_and_data_freshness(string path)
    {
        var page = await Page(path);

        var meta = Text(page.QuerySelector("p.clock, header.masthead .meta")!);
        Assert.Matches(@"Period \d{4}-\d{2} .*figures as of \d{4}-\d{2}-\d{2} \d{2}:\d{2} [+-]\d{2}:\d{2} · data freshness (green|amber|red)", meta);
    }

    [Fact]
    public async Task Two_sites_holding_the_same_keys_break_no_page_and_each_link_resolves_within_its_own_site()
    {
        var portfolio = await Page("/");
        var report = await Json("/api/report");

        // Cloud's PAY-2 waits on Cloud's open OPS-7; the Data Center's OPS-7 is done, so its PAY-2 waits on nothing.
        var reasons = portfolio.QuerySelectorAll("#tree tr.depth-4 li").Select(Text).ToList();
        Assert.Contains(reasons, r => r.StartsWith("1 item blocked by OPS-7, team OPS", StringComparison.Ordinal));
        Assert.DoesNotContain(reasons, r => r.Contains("2 items blocked by OPS-7", StringComparison.Ordinal));
        Assert.Empty(report.GetProperty("dataQuality").EnumerateArray());
    }

    [Fact]
    public async Task A_bare_key_two_sites_hold_is_a_page_that_names_both_not_a_server_error()
    {
        using var response = await server.Client.GetAsync("/items/OPS-7");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("jira:OPS-7", html, StringComparison.Ordinal);
        Assert.Contains("jira-dc:OPS-7", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_api_answers_a_frozen_period_from_its_snapshot_and_refuses_what_is_not_a_period()
    {
        var frozen = await Json("/api/report?period=" + server.Demo.FrozenPeriod.Name);
        Assert.Equal(("frozen", server.Demo.FrozenPeriod.Name), (frozen.GetProperty("state").GetString(), frozen.GetProperty("period").GetString()));
        Assert.Equal(server.Demo.FrozenPeriod.EndInstant(TimeZoneInfo.Utc), frozen.GetProperty("asOf").GetDateTimeOffset());

        using var bad = await server.Client.GetAsync("/api/report?period=soon");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
