using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Reporting.Tests.Support;

namespace StrategyLayer.Reporting.Tests;

/// <summary>
/// The report document (<c>report --json</c>, <c>/api/report</c>) and the clock: one computation of a
/// period, as of the earlier of now and the period's end, counted the same way for the whole and per team.
/// </summary>
public sealed class PeriodReportTests
{
    private static InMemoryStore StoreWithOutOfScopeWork()
    {
        var store = DemoPortfolio.Store();
        var day = DemoPortfolio.AsOf.AddDays(-1);

        // Out of scope, though a rule would map one of them: counted apart, in no share.
        var cancelled = DemoPortfolio.Jira("PAY-9", "PAY", StatusCategory.Cancelled, "Dropped", day);
        store.Put(cancelled, new ItemMapping(cancelled.Uid, "M-PCI-TOKEN", new Decision(DecisionKind.Rule, "pci-work"), InScope: false));
        var routine = DemoPortfolio.Incident("INC0010099", 4, StatusCategory.InProgress, day) with { Team = "Network Ops" };
        store.Put(routine, new ItemMapping(routine.Uid, null, Decision.None, InScope: false));
        return store;
    }

    [Fact]
    public async Task Mapped_and_untracked_make_up_in_scope_and_out_of_scope_items_are_counted_apart_overall_and_per_team()
    {
        var builder = DemoPortfolio.Builder(StoreWithOutOfScopeWork());

        var report = await builder.ReportAsync(DemoPortfolio.November, CancellationToken.None);
        var model = await builder.BuildAsync(new ReportRequest(DemoPortfolio.November, ReportScope.Portfolio), CancellationToken.None);

        Assert.Equal(new Coverage(12, 7, 5, 2), report.Coverage);
        Assert.Equal(report.Coverage, model.Summary.Coverage);
        Assert.Equal(41.7, model.Summary.UntrackedPercent);

        // PAY's share is of its in-scope items; its cancelled item is counted apart.
        var pay = model.Teams.Single(t => t.Team == "PAY");
        Assert.Equal((4, 4, 0, 1), (pay.InScope, pay.Mapped, pay.Untracked, pay.OutOfScope));
        Assert.Equal(1, model.UntrackedByTeam.Single(t => t.Team == "PAY").OutOfScope);

        // A team with only out-of-scope work has a coverage row but no pack of its own.
        var network = model.Teams.Single(t => t.Team == "Network Ops");
        Assert.Equal((0, 1, 0.0), (network.InScope, network.OutOfScope, network.UntrackedPercent));
        Assert.DoesNotContain(model.UntrackedByTeam, t => t.Team == "Network Ops");
        Assert.Equal(report.Coverage.InScope, model.Teams.Sum(t => t.InScope));
        Assert.Equal(report.Coverage.OutOfScope, model.Teams.Sum(t => t.OutOfScope));
    }

    [Fact]
    public async Task The_document_carries_period_as_of_state_coverage_statuses_and_data_quality_under_the_contracts_names()
    {
        var builder = DemoPortfolio.Builder(DemoPortfolio.Store());

        var report = await builder.ReportAsync(DemoPortfolio.November, CancellationToken.None);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(report));
        var root = json.RootElement;

        Assert.Equal("2026-11", root.GetProperty("period").GetString());
        Assert.Equal(DemoPortfolio.AsOf, root.GetProperty("asOf").GetDateTimeOffset());
        Assert.Equal("provisional", root.GetProperty("state").GetString());
        Assert.False(root.TryGetProperty("files", out _));
        var coverage = root.GetProperty("coverage");
        Assert.Equal(
            coverage.GetProperty("inScope").GetInt32(),
            coverage.GetProperty("mapped").GetInt32() + coverage.GetProperty("untracked").GetInt32());
        Assert.Equal(0, coverage.GetProperty("outOfScope").GetInt32());
        Assert.Equal(coverage.GetProperty("untracked").GetInt32(), root.GetProperty("untracked").GetInt32());
        var statuses = root.GetProperty("statuses").EnumerateArray().ToList();
        Assert.Equal(["M-PCI-TOKEN", "M-SD-MTTR", "M-RUN-COST"], statuses.Select(s => s.GetProperty("measure").GetString()));
        Assert.All(statuses, s => Assert.Contains(s.GetProperty("implementation").GetString(), new[] { "green", "amber", "red", "grey" }));
        Assert.Equal("red", statuses[0].GetProperty("implementation").GetString());
        Assert.Empty(root.GetProperty("dataQuality").EnumerateArray());
        Assert.Equal(["jira", "servicenow"], root.GetProperty("freshness").EnumerateArray().Select(f => f.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task A_kpi_value_the_tree_could_not_use_is_listed_with_its_file_and_line_and_marks_the_report_partial()
    {
        var tree = DemoPortfolio.Tree() with { UnusableValues = [new Domain.Strategy.UnusableValue("/pmo/actuals.csv", 7, "'lots' is not a number")] };

        var report = await DemoPortfolio.Builder(DemoPortfolio.Store(), tree: tree).ReportAsync(DemoPortfolio.November, CancellationToken.None);

        var entry = Assert.Single(report.DataQuality);
        Assert.Equal(("unusable-value", "/pmo/actuals.csv", 7, (string?)null), (entry.Kind, entry.File, entry.Line, entry.Item));
        Assert.StartsWith("'lots' is not a number", entry.Problem, StringComparison.Ordinal);
        Assert.True(report.SomeValueUnusable);
        Assert.False((await DemoPortfolio.Builder(DemoPortfolio.Store()).ReportAsync(DemoPortfolio.November, CancellationToken.None)).SomeValueUnusable);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(report));
        var written = json.RootElement.GetProperty("dataQuality")[0];
        Assert.Equal(7, written.GetProperty("line").GetInt32());
        Assert.False(written.TryGetProperty("item", out _));
    }

    [Fact]
    public async Task A_running_period_is_evaluated_now_and_an_ended_one_at_its_end_and_reading_saves_nothing()
    {
        var store = DemoPortfolio.Store();
        var now = new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.Zero);
        var builder = DemoPortfolio.Builder(store, time: new FakeTimeProvider(now));

        var december = await builder.ReportAsync(builder.CurrentPeriod(), CancellationToken.None);
        var november = await builder.ReportAsync(DemoPortfolio.November, CancellationToken.None);

        Assert.Equal(("2026-12", now, "provisional"), (december.Period, december.AsOf, december.State));
        Assert.Equal(("2026-11", new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), "frozen"), (november.Period, november.AsOf, november.State));
        Assert.Null((await store.GetSnapshotAsync("2026-11", CancellationToken.None)));
        Assert.Null((await store.GetSnapshotAsync("2026-12", CancellationToken.None)));
    }

    [Fact]
    public async Task A_frozen_period_is_read_back_from_its_snapshot_whatever_the_store_holds_now()
    {
        var store = DemoPortfolio.Store();
        var end = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        await DemoPortfolio.Builder(store, time: new FakeTimeProvider(end)).SnapshotPeriodAsync(DemoPortfolio.November, end, CancellationToken.None);
        var late = DemoPortfolio.Jira("DATA-9", "DATA", StatusCategory.ToDo, "Late untracked work", end);
        store.Put(late, new ItemMapping(late.Uid, null, Decision.None, InScope: true));

        var report = await DemoPortfolio.Builder(store, time: new FakeTimeProvider(end.AddDays(10))).ReportAsync(DemoPortfolio.November, CancellationToken.None);

        Assert.Equal(("frozen", end), (report.State, report.AsOf));
        Assert.Equal(5, report.Coverage.Untracked);
        Assert.Equal(SnapshotState.Frozen, (await store.GetSnapshotAsync("2026-11", CancellationToken.None))!.State);
    }
}
