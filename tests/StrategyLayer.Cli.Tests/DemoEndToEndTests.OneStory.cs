using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// After the demo, the README's next commands tell its story with the same figures: <c>report --json</c>,
/// <c>status --json</c>, the web view's <c>/api/report</c> and its pages, for the current month.
/// </summary>
public abstract partial class DemoEndToEndTests<TRun>
{
    [Fact]
    public async Task After_the_demo_report_status_and_the_web_view_state_the_same_figures_for_the_current_month()
    {
        // Typed in the demo's folder, as the README says: its strategylayer.json names the store.
        var report = await CliRunner.RunAsync(["report", "--json", "--format", "html", "--out", Path.Combine(demo.Root, "again")], demo.Root);
        Assert.True(report.ExitCode == 0, report.ToString());
        using var reportJson = JsonDocument.Parse(report.Stdout);
        var r = reportJson.RootElement;
        Assert.Equal(demo.Period, r.GetProperty("period").GetString());
        Assert.Equal("provisional", r.GetProperty("state").GetString());
        Assert.NotEmpty(r.GetProperty("files").EnumerateArray());
        Assert.Empty(r.GetProperty("dataQuality").EnumerateArray());
        var coverage = Coverage(r);
        Assert.Equal(coverage.InScope, coverage.Mapped + coverage.Untracked);
        Assert.True(coverage.OutOfScope > 0);

        // The demo's own summary said the same (nothing changed since).
        var told = demo.Summary.RootElement.GetProperty("report");
        Assert.Equal(Coverage(told), coverage);
        Assert.Equal(Statuses(told), Statuses(r));
        var story = Statuses(r).ToDictionary(s => s.Measure);
        Assert.Equal(("green", "green"), (story["M-CLOUD-APPS"].Implementation, story["M-CLOUD-APPS"].Potential));
        Assert.Equal("amber", story["M-PCI-TOKEN"].Implementation);
        Assert.Equal("red", story["M-SD-MTTR"].Potential);

        var status = await CliRunner.RunAsync(["status", "--json"], demo.Root);
        Assert.True(status.ExitCode == 0, status.ToString());
        using (var statusJson = JsonDocument.Parse(status.Stdout))
        {
            Assert.Equal((double)coverage.Untracked / coverage.InScope, statusJson.RootElement.GetProperty("untrackedShare").GetDouble());
        }

        await using var web = await ServedWebView.StartAsync(["--config", demo.Config]);
        using (var api = JsonDocument.Parse(await web.Http.GetStringAsync("/api/report?period=" + demo.Period)))
        {
            Assert.Equal(coverage, Coverage(api.RootElement));
            Assert.Equal(Statuses(r), Statuses(api.RootElement));
            Assert.False(api.RootElement.TryGetProperty("files", out _));
        }

        using (var previous = JsonDocument.Parse(await web.Http.GetStringAsync("/api/report?period=" + demo.PreviousPeriod)))
        {
            Assert.Equal("frozen", previous.RootElement.GetProperty("state").GetString());
        }

        var parser = new HtmlParser();
        var portfolio = parser.ParseDocument(await web.Http.GetStringAsync("/"));
        var tiles = portfolio.QuerySelectorAll("section.executive .tile .label").Select(Text).ToList();
        Assert.Contains($"coverage: {coverage.Mapped} of {coverage.InScope} in-scope items map to a measure ({coverage.OutOfScope} out of scope, counted apart)", tiles);
        Assert.Contains($"untracked: {coverage.Untracked} items", tiles);
        Assert.Equal(
            Statuses(r).Count(s => s.Implementation == "red" || s.Potential == "red").ToString(CultureInfo.InvariantCulture),
            portfolio.QuerySelectorAll("section.executive .tile").First(t => Text(t).Contains("red measures", StringComparison.Ordinal)).QuerySelector(".figure")!.TextContent.Trim());

        // The Teams page divides by in-scope items, as the pack does (DATA is the untracked cluster).
        var teams = parser.ParseDocument(await web.Http.GetStringAsync("/teams")).QuerySelectorAll("#teams tbody tr")
            .Select(row => row.QuerySelectorAll("td").Select(Text).ToList()).ToDictionary(c => c[0]);
        Assert.Equal(coverage.InScope, teams.Values.Sum(c => int.Parse(c[1], CultureInfo.InvariantCulture)));
        Assert.Equal(coverage.OutOfScope, teams.Values.Sum(c => int.Parse(c[5], CultureInfo.InvariantCulture)));
        var packData = demo.Portfolio.QuerySelectorAll("section.untracked-by-team tbody tr").First(row => Cell(row, 0) == "DATA");
        Assert.Equal(Percent(Cell(packData, 3)), Percent(teams["DATA"][4]));
        Assert.Equal(Cell(packData, 2), teams["DATA"][3]);

        var untracked = parser.ParseDocument(await web.Http.GetStringAsync("/untracked"));
        Assert.StartsWith($"{coverage.Untracked} of {coverage.InScope} in-scope items", Text(untracked.QuerySelector("#untracked-total")!), StringComparison.Ordinal);
        Assert.Contains("figures as of", Text(untracked.QuerySelector("p.clock")!), StringComparison.Ordinal);
    }

    private static Domain.Mapping.Coverage Coverage(JsonElement report)
    {
        var c = report.GetProperty("coverage");
        return new(c.GetProperty("inScope").GetInt32(), c.GetProperty("mapped").GetInt32(), c.GetProperty("untracked").GetInt32(), c.GetProperty("outOfScope").GetInt32());
    }

    private static List<(string Measure, string Implementation, string Potential)> Statuses(JsonElement report) =>
        [.. report.GetProperty("statuses").EnumerateArray().Select(s => (s.GetProperty("measure").GetString()!, s.GetProperty("implementation").GetString()!, s.GetProperty("potential").GetString()!))];

    private static double Percent(string text) => double.Parse(text.TrimEnd('%'), CultureInfo.InvariantCulture);
}
