using Microsoft.Extensions.Time.Testing;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.Specification.Support;

namespace StrategyLayer.Store.Specification;

// The link history the commits of every sync keep: when each "is blocked by" link was first seen.
public abstract partial class ItemSpecification<TFixture>
{
    [Fact]
    public async Task A_link_is_dated_by_the_update_that_carried_it_and_keeps_that_date_through_later_updates()
    {
        var clock = new FakeTimeProvider(SpecItems.T0.AddHours(1));
        var store = await NewStoreAsync(clock);
        await CommitAsync(store, "jira", "default", [SpecItems.Record(Blocked(SpecItems.T0, "first", "OPS-1"))], cursor: "c1");

        clock.SetUtcNow(SpecItems.T0.AddDays(9));
        await CommitAsync(store, "jira", "default", [SpecItems.Record(Blocked(SpecItems.T0.AddDays(8), "edited", "OPS-1", "OPS-2"))], cursor: "c2");

        var seen = await SeenAsync(store);
        Assert.Equal(SpecItems.T0, seen["OPS-1"]);
        Assert.Equal(SpecItems.T0.AddDays(8), seen["OPS-2"]);
        Assert.DoesNotContain("WEB-1", seen.Keys); // only dependencies are kept
    }

    [Fact]
    public async Task A_link_from_an_update_stamped_later_than_the_sync_is_dated_by_the_sync()
    {
        var clock = new FakeTimeProvider(SpecItems.T0.AddHours(1));
        var store = await NewStoreAsync(clock);

        await CommitAsync(store, "jira", "default", [SpecItems.Record(Blocked(SpecItems.T0.AddDays(2), "clock skew upstream", "OPS-1"))], cursor: "c1");

        Assert.Equal(clock.GetUtcNow(), (await SeenAsync(store))["OPS-1"]);
    }

    [Fact]
    public async Task A_link_the_item_no_longer_carries_is_forgotten_and_counts_anew_when_it_comes_back()
    {
        var clock = new FakeTimeProvider(SpecItems.T0.AddDays(10));
        var store = await NewStoreAsync(clock);
        await CommitAsync(store, "jira", "default", [SpecItems.Record(Blocked(SpecItems.T0, "blocked", "OPS-1"))], cursor: "c1");
        await CommitAsync(store, "jira", "default", [SpecItems.Record(Blocked(SpecItems.T0.AddDays(3), "unblocked"))], cursor: "c2");
        Assert.Empty(await SeenAsync(store));

        await CommitAsync(store, "jira", "default", [SpecItems.Record(Blocked(SpecItems.T0.AddDays(5), "blocked again", "OPS-1"))], cursor: "c3");

        Assert.Equal(SpecItems.T0.AddDays(5), (await SeenAsync(store))["OPS-1"]);
    }

    [Fact]
    public async Task An_unchanged_copy_writes_nothing_and_the_link_history_survives_reopening_the_store()
    {
        var store = await NewStoreAsync(new FakeTimeProvider(SpecItems.T0.AddHours(1)));
        var item = Blocked(SpecItems.T0, "blocked", "OPS-1");
        await CommitAsync(store, "jira", "default", [SpecItems.Record(item)], cursor: "c1");
        var again = await CommitAsync(store, "jira", "default", [SpecItems.Record(item)], cursor: "c2");
        var reopened = await ReopenAsync(store);

        Assert.Equal(1, again.Unchanged);
        Assert.Equal([new LinkSighting("jira/10001", "OPS-1", SpecItems.T0)], await ListAsync(reopened.LinkHistoryAsync(None)));
    }

    [Fact]
    public async Task Imported_sightings_keep_the_earlier_first_seen_time_and_leave_items_the_store_does_not_hold_alone()
    {
        var store = await NewStoreAsync(new FakeTimeProvider(SpecItems.T0.AddDays(1)));
        await CommitAsync(store, "jira", "default", [SpecItems.Record(Blocked(SpecItems.T0, "blocked", "OPS-1", "OPS-2"))], cursor: "c1");

        await using (var sync = await store.BeginSyncAsync("jira", None))
        {
            var changed = await sync.ImportLinkHistoryAsync(
                [
                    new LinkSighting("jira/10001", "ops-1", SpecItems.T0.AddDays(-20)),  // earlier, any case: moves back
                    new LinkSighting("jira/10001", "OPS-2", SpecItems.T0.AddDays(3)),    // later: the stored one stays
                    new LinkSighting("jira/10001", "OPS-3", SpecItems.T0.AddDays(-5)),   // not yet in the history: added
                    new LinkSighting("jira/99999", "OPS-1", SpecItems.T0.AddDays(-5)),   // no such item
                    new LinkSighting("other/10001", "OPS-1", SpecItems.T0.AddDays(-5)),  // another source's
                ],
                None);
            Assert.Equal(2, changed);
        }

        var reopened = await ReopenAsync(store);
        var seen = await SeenAsync(reopened);
        Assert.Equal(SpecItems.T0.AddDays(-20), seen["OPS-1"]);
        Assert.Equal(SpecItems.T0, seen["OPS-2"]);
        Assert.Equal(SpecItems.T0.AddDays(-5), seen["OPS-3"]);
        Assert.Equal(3, (await ListAsync(reopened.LinkHistoryAsync(None))).Count);
    }

    private static WorkItem Blocked(DateTimeOffset updated, string title, params string[] blockers) =>
        SpecItems.Jira("10001", "PAY-9", updated, title) with
        {
            Links = [.. blockers.Select(b => new ItemLink(LinkTypes.IsBlockedBy, b, "In Progress", StatusCategory.InProgress, "OPS")), new ItemLink("relates to", "WEB-1")],
        };

    private static async Task<Dictionary<string, DateTimeOffset>> SeenAsync(IItemReader store) =>
        (await ListAsync(store.LinkHistoryAsync(None))).Where(s => s.Uid == "jira/10001").ToDictionary(s => s.TargetKey, s => s.FirstSeen);
}
