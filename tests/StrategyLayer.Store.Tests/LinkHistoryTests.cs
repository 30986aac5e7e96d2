using StrategyLayer.Domain.Items;
using StrategyLayer.Store.Tests.Support;
using Xunit;

namespace StrategyLayer.Store.Tests;

/// <summary>The link history the commits of every sync keep: when each "is blocked by" link was first seen.</summary>
public sealed class LinkHistoryTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly SetClock _clock = new(Items.T0.AddHours(1));
    private readonly LiteStrategyStore _store;

    public LinkHistoryTests() => _store = LiteStrategyStore.Open(_temp.File("store.db"), new StoreOpenOptions { TimeProvider = _clock });

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    private static WorkItem Blocked(DateTimeOffset updated, string title, params string[] blockers) =>
        Items.Jira("10001", "PAY-9", updated, title) with
        {
            Links = [.. blockers.Select(b => new ItemLink(LinkTypes.IsBlockedBy, b, "In Progress", StatusCategory.InProgress, "OPS")), new ItemLink(LinkTypes.RelatesTo, "WEB-1")],
        };

    private Dictionary<string, DateTimeOffset> Seen() =>
        _store.LinkHistory().Where(s => s.Uid == "jira/10001").ToDictionary(s => s.TargetKey, s => s.FirstSeen);

    [Fact]
    public void A_link_is_dated_by_the_update_that_carried_it_and_keeps_that_date_through_later_updates()
    {
        _store.CommitPage("jira", "default", [Items.Record(Blocked(Items.T0, "first", "OPS-1"))], [], "c1");

        _clock.Now = Items.T0.AddDays(9);
        _store.CommitPage("jira", "default", [Items.Record(Blocked(Items.T0.AddDays(8), "edited", "OPS-1", "OPS-2"))], [], "c2");

        var seen = Seen();
        Assert.Equal(Items.T0, seen["OPS-1"]);
        Assert.Equal(Items.T0.AddDays(8), seen["OPS-2"]);
        Assert.DoesNotContain("WEB-1", seen.Keys); // only dependencies are kept
    }

    [Fact]
    public void A_link_from_an_update_stamped_later_than_the_sync_is_dated_by_the_sync()
    {
        _store.CommitPage("jira", "default", [Items.Record(Blocked(Items.T0.AddDays(2), "clock skew upstream", "OPS-1"))], [], "c1");

        Assert.Equal(_clock.Now, Seen()["OPS-1"]);
    }

    [Fact]
    public void A_link_the_item_no_longer_carries_is_forgotten_and_counts_anew_when_it_comes_back()
    {
        _clock.Now = Items.T0.AddDays(10);
        _store.CommitPage("jira", "default", [Items.Record(Blocked(Items.T0, "blocked", "OPS-1"))], [], "c1");
        _store.CommitPage("jira", "default", [Items.Record(Blocked(Items.T0.AddDays(3), "unblocked"))], [], "c2");
        Assert.Empty(Seen());

        _store.CommitPage("jira", "default", [Items.Record(Blocked(Items.T0.AddDays(5), "blocked again", "OPS-1"))], [], "c3");

        Assert.Equal(Items.T0.AddDays(5), Seen()["OPS-1"]);
    }

    [Fact]
    public void An_unchanged_copy_writes_nothing_and_the_history_survives_reopening_the_store()
    {
        var item = Blocked(Items.T0, "blocked", "OPS-1");
        _store.CommitPage("jira", "default", [Items.Record(item)], [], "c1");
        var again = _store.CommitPage("jira", "default", [Items.Record(item)], [], "c2");
        _store.Dispose();

        using var reopened = LiteStrategyStore.Open(_temp.File("store.db"));
        Assert.Equal(1, again.Unchanged);
        Assert.Equal([new LinkSighting("jira/10001", "OPS-1", Items.T0)], reopened.LinkHistory().ToList());
    }

    private sealed class SetClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
