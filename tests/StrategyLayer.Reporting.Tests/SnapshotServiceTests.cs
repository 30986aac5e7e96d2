using Microsoft.Extensions.Time.Testing;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Reporting.Snapshots;
using StrategyLayer.Reporting.Tests.Support;

namespace StrategyLayer.Reporting.Tests;

public sealed class SnapshotServiceTests
{
    private static readonly DateTimeOffset NovemberEnd = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task While_the_period_runs_each_build_replaces_its_provisional_snapshot()
    {
        var store = DemoPortfolio.Store();
        var builder = DemoPortfolio.Builder(store);

        var first = await builder.SnapshotPeriodAsync(DemoPortfolio.November, DemoPortfolio.AsOf, CancellationToken.None);
        DemoPortfolio.Put(store, DemoPortfolio.Jira("WEB-5", "WEB", StatusCategory.ToDo, "New work", DemoPortfolio.AsOf), null, null);
        var second = await builder.SnapshotPeriodAsync(DemoPortfolio.November, DemoPortfolio.AsOf.AddDays(5), CancellationToken.None);

        Assert.Equal(SnapshotState.Provisional, first.State);
        Assert.Equal(SnapshotState.Provisional, second.State);
        Assert.Equal(13, second.Aggregates.Summary.InScope);
        var saved = (await store.GetSnapshotAsync("2026-11", CancellationToken.None))!;
        Assert.Equal((SnapshotState.Provisional, DemoPortfolio.AsOf.AddDays(5)), (saved.State, saved.AsOf));
        Assert.Equal(2, store.SnapshotWrites);
    }

    [Fact]
    public async Task A_snapshot_stores_each_item_row_without_its_display_fields_and_with_its_tags()
    {
        var store = DemoPortfolio.Store();
        var untracked = DemoPortfolio.Jira("PAY-9", "PAY", StatusCategory.ToDo, "Untracked PAY chore", DemoPortfolio.AsOf) with { Labels = ["chore"] };
        DemoPortfolio.Put(store, untracked, null, null);

        await DemoPortfolio.Builder(store).SnapshotPeriodAsync(DemoPortfolio.November, DemoPortfolio.AsOf, CancellationToken.None);

        var saved = (await store.GetSnapshotAsync("2026-11", CancellationToken.None))!;
        using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(saved.ItemRows), System.IO.Compression.CompressionMode.Decompress);
        var line = new StreamReader(brotli).ReadToEnd().Split('\n').Single(l => l.Contains("\"PAY-9\"", StringComparison.Ordinal));
        var names = System.Text.Json.JsonDocument.Parse(line).RootElement.EnumerateObject().Select(p => p.Name);
        Assert.Equal(["id", "key", "title", "url", "team", "type", "status", "category", "assignee", "measure", "decidedBy", "rule", "via", "label", "tags"], names);
        Assert.Equal(["chore"], SnapshotService.ReadRows(saved.ItemRows).Single(r => r.Key == "PAY-9").Tags);
    }

    [Fact]
    public void Once_the_period_has_ended_in_the_configured_time_zone_its_snapshot_is_frozen()
    {
        var lisbonSummer = TimeZoneInfo.CreateCustomTimeZone("UTC+1", TimeSpan.FromHours(1), "UTC+1", "UTC+1");
        var service = new SnapshotService(new InMemoryStore(), null, lisbonSummer);

        Assert.Equal(SnapshotState.Provisional, service.StateFor(DemoPortfolio.November, NovemberEnd.AddHours(-1).AddSeconds(-1)));
        Assert.Equal(SnapshotState.Frozen, service.StateFor(DemoPortfolio.November, NovemberEnd.AddHours(-1)));
    }

    [Fact]
    public async Task Rebuilding_a_frozen_period_gives_the_same_pack_whatever_changed_in_the_store_since()
    {
        var store = DemoPortfolio.Store();
        var time = new FakeTimeProvider(NovemberEnd.AddHours(2));
        var builder = DemoPortfolio.Builder(store, time: time);
        var renderer = new PackRenderer(RepoPaths.Templates);
        var request = new ReportRequest(DemoPortfolio.November, ReportScope.Portfolio, NovemberEnd.AddHours(2));
        var first = await builder.BuildAsync(request, CancellationToken.None);
        var firstHtml = renderer.RenderToString("portfolio-pack", first);
        var firstTeam = renderer.RenderToString("delivery-lead", await builder.BuildAsync(request with { Scope = ReportScope.ForTeam("PAY") }, CancellationToken.None));

        DemoPortfolio.Put(store, DemoPortfolio.Jira("PAY-50", "PAY", StatusCategory.ToDo, "Late arrival", NovemberEnd), "M-PCI-TOKEN", "pci-work");
        DemoPortfolio.Put(store, DemoPortfolio.Jira("OPS-12", "OPS", StatusCategory.Done, "Open firewall for token service", NovemberEnd), null, null);
        store.CursorList.Clear();
        time.Advance(TimeSpan.FromDays(9));
        var writes = store.SnapshotWrites;
        var again = await builder.BuildAsync(request with { AsOf = time.GetUtcNow() }, CancellationToken.None);
        var againHtml = renderer.RenderToString("portfolio-pack", again);
        var againTeam = renderer.RenderToString("delivery-lead", await builder.BuildAsync(request with { Scope = ReportScope.ForTeam("PAY"), AsOf = time.GetUtcNow() }, CancellationToken.None));

        Assert.Equal("frozen", first.State);
        Assert.NotEqual(first.GeneratedAt, again.GeneratedAt);
        Assert.Equal(firstHtml.Replace(first.GeneratedAt, "", StringComparison.Ordinal), againHtml.Replace(again.GeneratedAt, "", StringComparison.Ordinal));
        Assert.Equal(firstTeam.Replace(first.GeneratedAt, "", StringComparison.Ordinal), againTeam.Replace(again.GeneratedAt, "", StringComparison.Ordinal));
        Assert.Equal(writes, store.SnapshotWrites);
        Assert.DoesNotContain("PAY-50", againTeam, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_pack_shows_what_moved_since_the_previous_periods_snapshot()
    {
        var store = DemoPortfolio.Store();
        var builder = DemoPortfolio.Builder(store);
        await builder.SnapshotPeriodAsync(ReportingPeriod.Parse("2026-10"), new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), CancellationToken.None);
        DemoPortfolio.Put(store, DemoPortfolio.Jira("PAY-5", "PAY", StatusCategory.Done, "Tokenize refunds", DemoPortfolio.AsOf), "M-PCI-TOKEN", "pci-work");
        DemoPortfolio.Put(store, DemoPortfolio.Jira("WEB-7", "WEB", StatusCategory.InProgress, "Knowledge base", DemoPortfolio.AsOf) with
        {
            Links = [new ItemLink(LinkTypes.IsBlockedBy, "CLOUD-9", "To Do", StatusCategory.ToDo, "CLOUD")],
        }, "M-SD-MTTR", "web");
        foreach (var n in new[] { 1, 2, 3 })
        {
            DemoPortfolio.Put(store, DemoPortfolio.Jira($"OPS-{40 + n}", "OPS", StatusCategory.ToDo, "Patch hosts " + n, DemoPortfolio.AsOf) with { Labels = ["techdebt"] }, null, null);
        }

        var model = await builder.BuildAsync(new ReportRequest(DemoPortfolio.November, ReportScope.Portfolio, DemoPortfolio.AsOf), CancellationToken.None);

        var changes = model.Changes;
        Assert.True(changes.HasPrevious);
        Assert.Equal(("2026-10", "frozen"), (changes.PreviousPeriod, changes.PreviousState));
        Assert.Contains(changes.Measures, c => c.Id == "M-PCI-TOKEN" && c.What == "actual" && c.Before == "25%" && c.After == "40%");
        Assert.Contains(changes.Measures, c => c.Id == "M-RUN-COST" && c.What == "actual" && c.Before == "120 kEUR" && c.After == "130 kEUR");
        Assert.Equal(["OPS label techdebt 3"], changes.NewClusters.Select(c => $"{c.Team} {c.Attribute} {c.Value} {c.Count}"));
        Assert.Equal(["CLOUD-9"], changes.NewBlockers.Select(b => b.Blocker.Key));
        var trend = model.Measures.Single(m => m.Id == "M-PCI-TOKEN").TrendPoints;
        Assert.Equal([("2026-10", 20.0, 25.0), ("2026-11", 40.0, 40.0)], trend.Select(p => (p.Period, p.Planned!.Value, p.Actual!.Value)));
    }

    [Fact]
    public async Task A_first_period_says_there_is_nothing_to_compare_with()
    {
        var model = await DemoPortfolio.Builder(DemoPortfolio.Store())
            .BuildAsync(new ReportRequest(DemoPortfolio.November, ReportScope.Portfolio, DemoPortfolio.AsOf), CancellationToken.None);

        Assert.False(model.Changes.HasPrevious);
        Assert.Equal("2026-10", model.Changes.PreviousPeriod);
    }

    [Fact]
    public async Task Snapshot_rows_are_compressed_and_read_back_one_per_in_scope_item()
    {
        var store = new InMemoryStore();
        var teams = new[] { "PAY", "WEB", "CLOUD", "OPS", "DATA" };
        for (var i = 0; i < 20_000; i++)
        {
            var team = teams[i % teams.Length];
            DemoPortfolio.Put(
                store,
                DemoPortfolio.Jira($"{team}-{i}", team, (StatusCategory)(i % 3), $"Work item {i} for {team}: rollout step {i % 17}", DemoPortfolio.AsOf) with { SourceId = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                i % 7 == 0 ? null : "M-PCI-TOKEN",
                i % 7 == 0 ? null : "pci-work");
        }

        var data = await DemoPortfolio.Builder(store).SnapshotPeriodAsync(DemoPortfolio.November, DemoPortfolio.AsOf, CancellationToken.None);

        var rows = SnapshotService.ReadRows(data.ItemRows).ToList();
        Assert.Equal(20_000, rows.Count);
        Assert.Equal(2858, rows.Count(r => r.Measure is null));
        Assert.True(data.ItemRows.Length < 20_000 * 40, $"rows take {data.ItemRows.Length} bytes");
        Assert.True((await store.GetSnapshotAsync("2026-11", CancellationToken.None))!.AggregatesJson.Length < 50_000);
    }
}
