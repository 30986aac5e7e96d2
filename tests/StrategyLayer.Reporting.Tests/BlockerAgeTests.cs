using Microsoft.Extensions.Time.Testing;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Reporting.Model;
using StrategyLayer.Reporting.Tests.Support;
using StrategyLayer.Store;
using StrategyLayer.Store.LiteDb;

namespace StrategyLayer.Reporting.Tests;

/// <summary>
/// A blocker's age through the real LiteDB store: syncs commit on the clock of a FakeTimeProvider,
/// reports are built on the same clock at three points of November. OPS-1 was raised 300 days ago;
/// PAY-9 is first seen waiting on it on 3 November.
/// </summary>
public sealed class BlockerAgeTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Nov3 = new(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly TempFolder temp = new();
    private readonly FakeTimeProvider clock = new(Nov3);
    private readonly LiteStrategyStore store;

    public BlockerAgeTests() => store = LiteStrategyStore.Open(temp.File("strategylayer.db"), new LiteStoreOptions { TimeProvider = clock });

    public async Task InitializeAsync()
    {
        await Sync(DemoPortfolio.Jira("OPS-1", "OPS", StatusCategory.InProgress, "Open the token service's firewall", Nov3.AddDays(-2)) with { Created = Nov3.AddDays(-300) }, null);
        await Sync(Waiting("PAY-9", Nov3.AddHours(-1), "OPS-1"), "M-PCI-TOKEN");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        store.Dispose();
        temp.Dispose();
    }

    private static WorkItem Waiting(string key, DateTimeOffset updated, params string[] blockers) =>
        DemoPortfolio.Jira(key, "PAY", StatusCategory.InProgress, "Tokenize " + key, updated) with
        {
            Created = Nov3.AddDays(-60),
            Links = [.. blockers.Select(b => new ItemLink(LinkTypes.IsBlockedBy, b, "In Progress", StatusCategory.InProgress, "OPS"))],
        };

    // What a sync and a map do: commit the page at the clock's now, then save the mapping.
    private async Task Sync(WorkItem item, string? measure)
    {
        await using (var sync = await store.BeginSyncAsync("jira", CancellationToken.None))
        {
            await sync.CommitAsync("default", [new SourceRecord(item, "{}")], [], "cursor", CancellationToken.None);
        }

        await store.SaveMappingsAsync([new ItemMapping(item.Uid, measure, measure is null ? Decision.None : new Decision(DecisionKind.Rule, "pci-work"), true)], [], CancellationToken.None);
    }

    private async Task<BlockerView> OpsOneAsync()
    {
        var model = await DemoPortfolio.Builder(store, time: clock)
            .BuildAsync(new ReportRequest(DemoPortfolio.November, ReportScope.Portfolio), CancellationToken.None);
        return model.Blockers.Single(b => b.Blocker.Key == "OPS-1");
    }

    [Fact]
    public async Task A_blocker_ages_from_the_first_sighting_of_its_link_at_three_points_of_the_month_not_from_the_ticket_nor_the_items_last_update()
    {
        var firstDay = await OpsOneAsync();

        // A week later PAY-9 is edited (a new update, the same link): the dependency keeps its age.
        clock.SetUtcNow(Nov3.AddDays(7));
        await Sync(Waiting("PAY-9", Nov3.AddDays(7).AddHours(-1), "OPS-1") with { Title = "Tokenize PAY-9 (rework)" }, "M-PCI-TOKEN");
        clock.SetUtcNow(Nov3.AddDays(14));
        var twoWeeks = await OpsOneAsync();
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        var monthEnd = await OpsOneAsync();

        Assert.Equal((0, "amber"), (firstDay.AgeDays, firstDay.Level));
        Assert.Equal((14, "red"), (twoWeeks.AgeDays, twoWeeks.Level));
        Assert.Equal((27, "red"), (monthEnd.AgeDays, monthEnd.Level));
    }

    [Fact]
    public async Task A_blocker_whose_link_appears_today_is_0_days_old_however_old_its_ticket()
    {
        await Sync(Waiting("PAY-10", Nov3.AddDays(-40)), "M-PCI-TOKEN");
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
        await Sync(DemoPortfolio.Jira("OPS-2", "OPS", StatusCategory.ToDo, "Rotate the HSM keys", Nov3.AddDays(-200)) with { Created = Nov3.AddDays(-250) }, null);

        // The link appears today, on an item stored weeks ago, to a ticket raised months ago.
        await Sync(Waiting("PAY-10", new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero), "OPS-2"), "M-PCI-TOKEN");
        var model = await DemoPortfolio.Builder(store, time: clock)
            .BuildAsync(new ReportRequest(DemoPortfolio.November, ReportScope.Portfolio), CancellationToken.None);

        var ops2 = model.Blockers.Single(b => b.Blocker.Key == "OPS-2");
        Assert.Equal(0, ops2.AgeDays);
        Assert.Equal(17, model.Blockers.Single(b => b.Blocker.Key == "OPS-1").AgeDays);
        Assert.Contains(model.Measures.Single(m => m.Id == "M-PCI-TOKEN").Implementation.Reasons, r => r.Text.StartsWith("1 item blocked by OPS-2, team OPS (To Do), open 0 days", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_stored_with_an_update_older_than_its_blocking_ticket_is_no_older_than_that_ticket()
    {
        clock.SetUtcNow(Nov3.AddDays(10));
        await Sync(DemoPortfolio.Jira("OPS-3", "OPS", StatusCategory.ToDo, "Patch the vault", Nov3) with { Created = Nov3.AddDays(-4) }, null);
        await Sync(Waiting("PAY-11", Nov3.AddDays(-20), "OPS-3"), "M-PCI-TOKEN");

        var model = await DemoPortfolio.Builder(store, time: clock)
            .BuildAsync(new ReportRequest(DemoPortfolio.November, ReportScope.Portfolio), CancellationToken.None);

        Assert.Equal(14, model.Blockers.Single(b => b.Blocker.Key == "OPS-3").AgeDays);
    }
}
