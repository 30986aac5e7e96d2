using System.Text.Json;
using AngleSharp.Dom;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// The built CLI's <c>demo</c>, run once for the class on today's date: its packs must tell the demo
/// story (config/demo-data.md) in the current month: a green, an amber and a red measure each with its
/// reason, a cross-team blocker, an untracked cluster with its suggested rule, what changed since last
/// month's frozen pack, a PDF, and figures that agree with <c>items --json</c>.
/// </summary>
public abstract partial class DemoEndToEndTests<TRun>(TRun demo) : IClassFixture<TRun>
    where TRun : DemoRun
{
    private string Period => demo.Period;

    [Fact]
    public void The_demo_exits_cleanly_and_its_summary_counts_a_green_an_amber_and_a_red_measure()
    {
        Assert.True(demo.Result.ExitCode == 0, demo.Result.ToString());
        var summary = demo.Summary.RootElement;
        Assert.True(summary.GetProperty("green").GetInt32() >= 1, demo.Result.Stdout);
        Assert.True(summary.GetProperty("amber").GetInt32() >= 1, demo.Result.Stdout);
        Assert.True(summary.GetProperty("red").GetInt32() >= 1, demo.Result.Stdout);

        // The tiles of the pack say the same as the summary.
        var tiles = demo.Portfolio.QuerySelectorAll("section.executive .tile").ToList();
        Assert.Equal(summary.GetProperty("red").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), Figure(tiles, "red measures"));
        Assert.Equal(summary.GetProperty("amber").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), Figure(tiles, "amber measures"));
    }

    [Fact]
    public void Cloud_migration_is_green_because_its_work_moves_and_its_kpi_is_on_plan()
    {
        var (implementation, potential) = MeasureRow("M-CLOUD-APPS");
        Assert.Equal("green", Badge(implementation));
        Assert.Equal("green", Badge(potential));
        Assert.Contains("nothing overdue, stale or blocked", Reasons(implementation, "green"), StringComparison.Ordinal);
        Assert.Contains("on or ahead of plan", Reasons(potential, "green"), StringComparison.Ordinal);
    }

    [Fact]
    public void Pci_tokenization_is_amber_because_an_ops_item_has_blocked_its_work_for_weeks()
    {
        var (implementation, potential) = MeasureRow("M-PCI-TOKEN");
        Assert.Equal("amber", Badge(implementation));
        Assert.NotEqual("red", Badge(potential));
        var reason = Reasons(implementation, "amber");
        Assert.Matches(@"blocked by OPS-\d+, team OPS \([^)]+\), open (\d+) days", reason);
        var days = int.Parse(System.Text.RegularExpressions.Regex.Match(reason, @"open (\d+) days").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(days, 14, 41);
    }

    [Fact]
    public void Service_desk_mttr_is_red_because_its_kpi_is_well_below_plan()
    {
        var (_, potential) = MeasureRow("M-SD-MTTR");
        Assert.Equal("red", Badge(potential));
        var reason = Reasons(potential, "red");
        var match = System.Text.RegularExpressions.Regex.Match(reason, @"Actual ([\d.]+)% vs planned ([\d.]+)% (?:for|at [\d.]+% of) " + Period + @"[^:]*: behind plan by ([\d.]+)% of plan");
        Assert.True(match.Success, reason);
        Assert.True(double.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) >= 25, reason);

        // A red measure is a decision for its owners.
        var decision = demo.Portfolio.QuerySelectorAll("section.executive div.decision.red-measure").Select(Text).FirstOrDefault(t => t.Contains("M-SD-MTTR", StringComparison.Ordinal));
        Assert.NotNull(decision);
        Assert.Contains("Business owner: Carla Nunes", decision, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cross_team_blocker_names_the_blocking_and_the_blocked_team_in_blockers_and_decisions()
    {
        var rows = demo.Portfolio.QuerySelectorAll("section#blockers tbody tr").ToList();
        var row = rows.FirstOrDefault(r => Cell(r, 1).StartsWith("OPS", StringComparison.Ordinal) && Cell(r, 5) == "PAY");
        Assert.True(row is not null, string.Join("\n", rows.Select(Text)));
        Assert.Contains("M-PCI-TOKEN", Cell(row!, 6), StringComparison.Ordinal);
        Assert.Equal("amber", row!.QuerySelector(".badge")!.TextContent.Trim());

        var decisions = demo.Portfolio.QuerySelectorAll("section.executive div.decision.cross-team-blocker").Select(Text).ToList();
        Assert.Contains(decisions, d => System.Text.RegularExpressions.Regex.IsMatch(d, @"OPS-\d+ \(team OPS\) blocks \d+ items? of team PAY")
            && d.Contains("Blocking: team OPS", StringComparison.Ordinal) && d.Contains("Blocked: team PAY", StringComparison.Ordinal));
    }

    [Fact]
    public void The_untracked_pack_suggests_the_rule_that_catches_the_data_observability_cluster()
    {
        var suggestions = demo.Untracked.QuerySelectorAll("section.suggestions tbody tr").ToList();
        var row = suggestions.FirstOrDefault(r => Cell(r, 1) == "project = DATA and labels = observability");
        Assert.True(row is not null, string.Join("\n", suggestions.Select(Text)));
        Assert.True(int.Parse(Cell(row!, 3), System.Globalization.CultureInfo.InvariantCulture) >= 20, Text(row!));
        Assert.Contains("jira:DATA-", Cell(row!, 4), StringComparison.Ordinal);

        // DATA is the team with the most untracked work.
        var byTeam = demo.Untracked.QuerySelectorAll("section.untracked-summary tbody tr").ToList();
        Assert.Equal("DATA", Cell(byTeam[0], 0));
    }

    [Fact]
    public void The_changes_since_last_period_compare_with_last_months_frozen_pack()
    {
        // Which statuses move depends on the day of the month the demo runs (a blocker's age at the
        // end of last month); what must hold is that every change is measured against last month's pack.
        Assert.Contains("Changes since " + demo.PreviousPeriod, demo.Portfolio.QuerySelector("section.changes h2")!.TextContent, StringComparison.Ordinal);
        var before = demo.Previous.QuerySelectorAll("section#tree tr.level-measure").ToDictionary(
            r => r.QuerySelector("td.name .level")!.TextContent.Trim()["measure ".Length..],
            r => (Implementation: Badge(r.QuerySelectorAll("td")[2]), Potential: Badge(r.QuerySelectorAll("td")[3])));
        var now = demo.Portfolio.QuerySelectorAll("section#tree tr.level-measure").ToDictionary(
            r => r.QuerySelector("td.name .level")!.TextContent.Trim()["measure ".Length..],
            r => (Implementation: Badge(r.QuerySelectorAll("td")[2]), Potential: Badge(r.QuerySelectorAll("td")[3])));
        var listed = demo.Portfolio.QuerySelectorAll("section.changes tbody tr")
            .Where(r => Cell(r, 1) is "implementation" or "potential")
            .Select(r => (Id: r.QuerySelector(".level")!.TextContent.Trim(), What: Cell(r, 1), Before: Cell(r, 2), After: Cell(r, 3)))
            .ToList();
        var moved = before.Keys.SelectMany(id => new[]
        {
            (Id: id, What: "implementation", Before: before[id].Implementation, After: now[id].Implementation),
            (Id: id, What: "potential", Before: before[id].Potential, After: now[id].Potential),
        }).Where(c => c.Before != c.After).ToList();
        Assert.Equal(moved.OrderBy(c => c.Id).ThenBy(c => c.What), listed.OrderBy(c => c.Id).ThenBy(c => c.What));
    }

    [Fact]
    public void The_pdf_packs_are_written_and_are_pdf_files()
    {
        foreach (var name in new[] { "portfolio-pack-" + Period + ".pdf", "untracked-" + Period + ".pdf" })
        {
            var path = Path.Combine(demo.Out, name);
            Assert.True(File.Exists(path), path + " missing; " + demo.Result);
            var head = new byte[4];
            using (var stream = File.OpenRead(path))
            {
                stream.ReadExactly(head);
            }

            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(head));
        }
    }

    [Fact]
    public async Task The_untracked_figures_in_the_packs_match_items_json_on_the_same_store()
    {
        var result = await CliRunner.RunAsync(["items", "--untracked", "--json", "--config", DemoRun.DemoConfig, "--store", demo.Store]);
        Assert.True(result.ExitCode == 0, result.ToString());
        using var items = JsonDocument.Parse(result.Stdout);
        var untracked = items.RootElement.EnumerateArray().ToList();
        Assert.All(untracked, i => Assert.True(i.GetProperty("untracked").GetBoolean()));

        var tiles = demo.Untracked.QuerySelectorAll("section.untracked-summary .tile").ToList();
        Assert.Equal(untracked.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Figure(tiles, "untracked items of"));
        var portfolioLabel = demo.Portfolio.QuerySelectorAll("section.executive .tile .label").Select(Text).First(t => t.StartsWith("untracked:", StringComparison.Ordinal));
        Assert.Equal("untracked: " + untracked.Count + " items", portfolioLabel);

        // Per team too: DATA's row in the portfolio pack counts the DATA items items --json lists.
        var dataRow = demo.Portfolio.QuerySelectorAll("section.untracked-by-team tbody tr").First(r => Cell(r, 0) == "DATA");
        Assert.Equal(untracked.Count(i => i.GetProperty("team").GetString() == "DATA").ToString(System.Globalization.CultureInfo.InvariantCulture), Cell(dataRow, 2));

        // A realistic share: most in-scope work maps to a measure.
        var share = double.Parse(Figure(tiles, "untracked share").TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(share, 10, 25);
    }

    [Fact]
    public void No_link_in_the_packs_points_at_the_sandbox_port_items_link_to_the_web_view()
    {
        foreach (var pack in new[] { demo.Portfolio, demo.Untracked })
        {
            var links = pack.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(h => h.StartsWith("http", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(links);
            Assert.All(links, l => Assert.StartsWith("http://127.0.0.1:5080/", l, StringComparison.Ordinal));
            Assert.Contains(links, l => l.StartsWith("http://127.0.0.1:5080/items/jira%3A", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_pack_footer_names_the_version()
    {
        var version = typeof(StrategyLayer.Cli.Hosting.Installation).Assembly.GetName().Version!;
        var footer = Text(demo.Portfolio.QuerySelector("footer.pack-footer")!);
        Assert.Contains($"by StrategyLayer {version.Major}.{version.Minor}.{version.Build}", footer, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_leaves_a_config_naming_its_store_for_the_next_commands()
    {
        var config = File.ReadAllText(demo.Config);
        Assert.StartsWith(StrategyLayer.Cli.Hosting.DemoFolder.Marker, config, StringComparison.Ordinal);
        // A file relative to the demo's folder; a database's URI as given (the tests' cluster takes no password).
        var store = demo.Store.Contains("://", StringComparison.Ordinal) ? demo.Store : Path.GetRelativePath(Path.GetDirectoryName(demo.Config)!, demo.Store);
        Assert.Contains("\"store\": " + System.Text.Json.JsonSerializer.Serialize(store, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), config, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:8484", config, StringComparison.Ordinal);
    }

    private (IElement Implementation, IElement Potential) MeasureRow(string id)
    {
        var row = demo.Portfolio.QuerySelectorAll("section#tree tr.level-measure")
            .FirstOrDefault(r => r.QuerySelector("td.name .level")?.TextContent.Trim() == "measure " + id);
        Assert.True(row is not null, id + " is not in the strategy tree of the pack");
        var cells = row!.QuerySelectorAll("td").ToList();
        return (cells[2], cells[3]);
    }

    private static string Badge(IElement cell) => cell.QuerySelector(".badge")!.TextContent.Trim();

    private static string Reasons(IElement cell, string level) =>
        string.Join(" | ", cell.QuerySelectorAll("ul.reasons li." + level).Select(Text));

    private static string Cell(IElement row, int index) => Text(row.QuerySelectorAll("td")[index]);

    private static string Figure(IEnumerable<IElement> tiles, string label) =>
        tiles.First(t => Text(t.QuerySelector(".label")!).Contains(label, StringComparison.Ordinal)).QuerySelector(".figure")!.TextContent.Trim();

    private static string Text(IElement e) => System.Text.RegularExpressions.Regex.Replace(e.TextContent, @"\s+", " ").Trim();
}
