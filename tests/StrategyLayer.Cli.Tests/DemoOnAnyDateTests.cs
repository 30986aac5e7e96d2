using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Time.Testing;
using StrategyLayer.Cli.Commands;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Reporting;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// The demo on a fake clock at dates far from the one its story was written for: the sandbox builds its
/// world relative to that day and the tree reads its plans in that month, so the current month tells
/// the story (green, amber and red measures, the OPS blocker, the untracked DATA cluster) and
/// <c>status</c> gives the report's untracked share. In process, through the real sandbox over HTTP.
/// </summary>
public sealed class DemoOnAnyDateTests
{
    private static readonly TimeZoneInfo Lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");

    public static TheoryData<string> Dates => new()
    {
        "2027-08-01T00:30:00+01:00", // half an hour into a month, while UTC is still in the last one
        "2027-04-16T12:00:00+01:00", // mid-month
        "2027-12-31T23:10:00+00:00", // the last hour of a year
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public async Task The_current_month_tells_the_demo_story_on_any_date(string date)
    {
        var now = DateTimeOffset.Parse(date, CultureInfo.InvariantCulture);
        var month = ReportingPeriod.Containing(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Lisbon).DateTime), PeriodKind.Month);
        using var temp = new TempFolder("sl-demo-date");
        var root = new RootCommand();
        GlobalOptions.AddTo(root);
        using var invocation = new Invocation(root.Parse(["--config", DemoRun.DemoConfig, "--store", temp.File("demo.db"), "--quiet"]), new FakeTimeProvider(now));

        var demo = await DemoCommand.RunDemoAsync(invocation, temp.Path, temp.File("out"), "small", "html", CancellationToken.None);

        Assert.Equal((month.Name, "provisional", now), (demo.Report.Period, demo.Report.State, demo.Report.AsOf));
        Assert.Equal(SnapshotState.Frozen, (await (await invocation.StoreAsync(CancellationToken.None)).GetSnapshotAsync(month.Previous.Name, CancellationToken.None))!.State);
        Assert.Empty(demo.Report.DataQuality);
        Assert.Equal(demo.Report.Coverage.InScope, demo.Report.Coverage.Mapped + demo.Report.Coverage.Untracked);
        Assert.True((demo.Green, demo.Amber, demo.Red) is ( >= 1, >= 1, >= 1), $"{demo.Green} green, {demo.Amber} amber, {demo.Red} red");

        var builder = await invocation.App.Report.BuilderAsync(CancellationToken.None);
        var model = await builder.BuildAsync(await builder.ReadAsync(month, CancellationToken.None), ReportScope.Portfolio, null, CancellationToken.None);
        var measures = model.Measures.ToDictionary(m => m.Id);
        Assert.Equal(("green", "green"), (measures["M-CLOUD-APPS"].Implementation.Status, measures["M-CLOUD-APPS"].Potential.Status));
        Assert.Equal("amber", measures["M-PCI-TOKEN"].Implementation.Status);
        Assert.Matches(@"blocked by OPS-\d+, team OPS \([^)]+\), open \d+ days", measures["M-PCI-TOKEN"].Implementation.Reasons[0].Text);
        Assert.Equal("red", measures["M-SD-MTTR"].Potential.Status);
        Assert.Matches($@"^Actual [\d.]+% vs planned [\d.]+%.* {month.Name}\b.*behind plan", measures["M-SD-MTTR"].Potential.Reasons[0].Text);
        Assert.Contains(model.Decisions, d => d.Kind == "cross-team-blocker" && Regex.IsMatch(d.Title, @"^OPS-\d+ \(team OPS\) blocks \d+ items? of team PAY"));
        Assert.Equal("DATA", model.UntrackedByTeam[0].Team);

        var untracked = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(Path.Combine(temp.File("out"), $"untracked-{month.Name}.html")));
        Assert.Contains(untracked.QuerySelectorAll("section.suggestions tbody tr td"), td => td.TextContent.Trim() == "project = DATA and labels = observability");

        var status = await invocation.App.Reads.StatusAsync(CancellationToken.None);
        Assert.Equal(demo.Report.Coverage.UntrackedShare, status.UntrackedShare);
    }
}
