using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.Specification.Support;

namespace StrategyLayer.Store.Specification;

public abstract partial class ItemSpecification<TFixture>
{
    [Fact]
    public async Task An_unchanged_item_costs_no_write_and_a_changed_one_does()
    {
        var store = await NewStoreAsync();
        await using var sync = await store.BeginSyncAsync("jira", None);
        await sync.CommitAsync("", [SpecItems.Record(SpecItems.Jira("1", "PAY-1")), SpecItems.Record(SpecItems.Jira("2", "PAY-2"))], [], "a", None);

        var again = await sync.CommitAsync("", [SpecItems.Record(SpecItems.Jira("1", "PAY-1")), SpecItems.Record(SpecItems.Jira("2", "PAY-2", SpecItems.T0.AddMinutes(5), "Renamed"))], [], "b", None);

        Assert.Equal(new PageCommit(1, 1, 0, 0), again);
        Assert.Equal("Renamed", (await store.FindItemAsync("jira:PAY-2", None))!.Title);
    }

    [Fact]
    public async Task A_new_sync_of_a_reopened_store_finds_every_item_unchanged()
    {
        var store = await NewStoreAsync();
        var records = Enumerable.Range(0, 50).Select(i => SpecItems.Record(SpecItems.Jira(i.ToString("D3"), "PAY-" + i))).ToList();
        await CommitAsync(store, "jira", "", records, cursor: "a");
        var reopened = await ReopenAsync(store);

        await using var sync = await reopened.BeginSyncAsync("jira", None);
        var resync = await sync.CommitAsync("", records, [], "b", None);

        Assert.Equal(new PageCommit(0, 50, 0, 0), resync);
    }

    [Fact]
    public async Task A_copy_older_than_the_stored_one_is_counted_stale_and_not_applied()
    {
        var store = await NewStoreAsync();
        await CommitAsync(store, "jira", "", [SpecItems.Record(SpecItems.Jira("1", "PAY-1", SpecItems.T0, "Newer"))]);

        var commit = await CommitAsync(store, "jira", "", [SpecItems.Record(SpecItems.Jira("1", "PAY-1", SpecItems.T0.AddHours(-1), "Older"))]);

        Assert.Equal(new PageCommit(0, 0, 1, 0), commit);
        Assert.Equal("Newer", (await store.FindItemAsync("PAY-1", None))!.Title);
    }

    [Fact]
    public async Task The_same_item_twice_in_a_batch_keeps_its_latest_copy()
    {
        var store = await NewStoreAsync();

        var commit = await CommitAsync(store, "jira", "", [SpecItems.Record(SpecItems.Jira("1", "PAY-1", SpecItems.T0, "First")), SpecItems.Record(SpecItems.Jira("1", "PAY-1", SpecItems.T0.AddMinutes(1), "Second"))]);

        Assert.Equal(2, commit.Upserted);
        Assert.Equal("Second", (await store.FindItemAsync("PAY-1", None))!.Title);
        Assert.Equal(1, await store.CountItemsAsync("jira", true, None));
    }

    [Fact]
    public async Task A_removed_item_is_kept_flagged_and_comes_back_when_seen_again_unchanged()
    {
        var store = await NewStoreAsync();
        await CommitAsync(store, "jira", "", [SpecItems.Record(SpecItems.Jira("1", "PAY-1"))]);

        var changed = await MarkRemovedAsync(store, "jira", new ItemRemoval("1", new Removal(RemovalReason.OutOfScope, SpecItems.T0)), new ItemRemoval("404", new Removal(RemovalReason.Deleted, SpecItems.T0)));
        var again = await MarkRemovedAsync(store, "jira", new ItemRemoval("1", new Removal(RemovalReason.OutOfScope, SpecItems.T0.AddDays(1))));
        var removed = await store.FindItemAsync("PAY-1", None);
        var (live, all) = (await store.CountItemsAsync("jira", false, None), await store.CountItemsAsync("jira", true, None));
        var comeback = await CommitAsync(store, "jira", "", [SpecItems.Record(SpecItems.Jira("1", "PAY-1"))]);

        Assert.Equal(1, changed);
        Assert.Equal(0, again);
        Assert.Equal(new Removal(RemovalReason.OutOfScope, SpecItems.T0), removed!.Removed);
        Assert.Equal((0, 1), (live, all));
        Assert.Equal(1, comeback.Upserted);
        Assert.Null((await store.FindItemAsync("PAY-1", None))!.Removed);
        Assert.Equal(1, await store.CountItemsAsync("jira", false, None));
    }

    [Fact]
    public async Task An_item_removed_during_a_sync_comes_back_in_the_same_sync()
    {
        var store = await NewStoreAsync();
        await using var sync = await store.BeginSyncAsync("jira", None);
        await sync.CommitAsync("", [SpecItems.Record(SpecItems.Jira("1", "PAY-1"))], [], "a", None);

        await sync.MarkRemovedAsync([new ItemRemoval("1", new Removal(RemovalReason.Deleted, SpecItems.T0))], None);
        var comeback = await sync.CommitAsync("", [SpecItems.Record(SpecItems.Jira("1", "PAY-1"))], [], "b", None);

        Assert.Equal(1, comeback.Upserted);
        Assert.Null((await store.FindItemAsync("PAY-1", None))!.Removed);
    }

    [Fact]
    public async Task Item_keys_list_the_stored_items_not_removed_of_a_source_and_partition()
    {
        var store = await NewStoreAsync();
        await CommitAsync(store, "sn", "incident", [SpecItems.Record(SpecItems.Jira("a", "INC1", source: "sn")), SpecItems.Record(SpecItems.Jira("b", "INC2", source: "sn"))]);
        await CommitAsync(store, "sn", "problem", [SpecItems.Record(SpecItems.Jira("c", "PRB1", source: "sn"))]);
        await MarkRemovedAsync(store, "sn", new ItemRemoval("b", new Removal(RemovalReason.Deleted, SpecItems.T0)));

        await using var sync = await store.BeginSyncAsync("sn", None);
        var incident = await sync.ItemKeysAsync("incident", None);
        var every = await sync.ItemKeysAsync(null, None);

        Assert.Equal([new ScopeKey("sn/a", "a", "INC1", "incident")], incident);
        Assert.Equal(["sn/a", "sn/c"], every.Select(k => k.Uid).Order(StringComparer.Ordinal));
        Assert.Empty(await sync.ItemKeysAsync("change_request", None));
    }

    [Fact]
    public async Task Quarantined_records_are_kept_once_with_their_reason_and_raw_json()
    {
        var store = await NewStoreAsync();
        var bad = new QuarantinedRecord("jira", "", "PAY-9", "10009", "fields.updated is not a date at $.fields.updated", "{\"id\":\"10009\"}");
        var other = new QuarantinedRecord("jira", "", null, null, "not JSON", "{oops");

        var first = await CommitAsync(store, "jira", "", [], [bad, other], "c1");
        await CommitAsync(store, "jira", "", [], [bad with { Reason = "still not a date" }], "c2");
        var reopened = await ReopenAsync(store);

        Assert.Equal(2, first.Quarantined);
        var kept = await reopened.QuarantinedAsync("jira", None);
        Assert.Equal(2, kept.Count);
        Assert.All(kept, k => Assert.NotNull(k.Since));
        Assert.Contains(bad with { Reason = "still not a date" }, kept.Select(k => k with { Since = null }));
        Assert.Contains(other, kept.Select(k => k with { Since = null }));
        Assert.Empty(await reopened.QuarantinedAsync("servicenow", None));
        Assert.Equal(2, (await reopened.QuarantinedAsync(null, None)).Count);
    }

    [Fact]
    public async Task A_failed_batch_stores_nothing_and_the_sync_goes_on_from_what_is_stored()
    {
        var store = await NewStoreAsync();
        await using var sync = await store.BeginSyncAsync("jira", None);
        await sync.CommitAsync("", [SpecItems.Record(SpecItems.Jira("1", "PAY-1"))], [], "c1", None);

        await Assert.ThrowsAsync<StrategyLayerException>(() => sync.CommitAsync(
            "",
            [SpecItems.Record(SpecItems.Jira("1", "PAY-1", SpecItems.T0.AddHours(1), "changed")), SpecItems.Record(SpecItems.Jira("3", "PAY-3")), SpecItems.Record(SpecItems.Jira("2", "PAY-2", source: "other"))],
            [new QuarantinedRecord("jira", "", "PAY-9", "9", "bad", "{}")],
            "c2",
            None));

        Assert.Equal("Tokenize card data", (await store.FindItemAsync("PAY-1", None))!.Title);
        Assert.Null(await store.FindItemAsync("jira:PAY-3", None));
        Assert.Empty(await store.QuarantinedAsync(null, None));
        Assert.Equal("c1", await sync.GetCursorAsync("", None));
        Assert.Equal(1, await store.CountItemsAsync("jira", true, None));

        // The sync's view rolled back too: the same changes, committed again, are written.
        var retry = await sync.CommitAsync("", [SpecItems.Record(SpecItems.Jira("1", "PAY-1", SpecItems.T0.AddHours(1), "changed")), SpecItems.Record(SpecItems.Jira("3", "PAY-3"))], [], "c2", None);
        Assert.Equal(new PageCommit(2, 0, 0, 0), retry);
        Assert.Equal("changed", (await store.FindItemAsync("PAY-1", None))!.Title);
    }

    [Fact]
    public async Task Cursors_are_kept_per_source_and_partition_and_a_null_cursor_leaves_one_alone()
    {
        var store = await NewStoreAsync();
        await CommitAsync(store, "servicenow", "incident", [], cursor: "2026-11-02T09:00:00Z");
        await CommitAsync(store, "servicenow", "problem", [], cursor: "2026-11-01T00:00:00Z|abc");
        await CommitAsync(store, "servicenow", "incident", [], cursor: null);
        await CommitAsync(store, "jira", "", [], cursor: "2026-10-01T00:00:00Z");
        var reopened = await ReopenAsync(store);

        await using var sync = await reopened.BeginSyncAsync("servicenow", None);
        Assert.Equal("2026-11-02T09:00:00Z", await sync.GetCursorAsync("incident", None));
        Assert.Equal("2026-11-01T00:00:00Z|abc", await sync.GetCursorAsync("problem", None));
        Assert.Null(await sync.GetCursorAsync("change_request", None));
        var cursors = await reopened.CursorsAsync(None);
        Assert.Equal(["jira/", "servicenow/incident", "servicenow/problem"], cursors.Select(c => c.Source + "/" + c.Partition));
        Assert.All(cursors, c => Assert.NotNull(c.LastCommit));
    }

    [Fact]
    public async Task A_batch_that_changes_nothing_leaves_the_cursor_when_asked_and_says_so()
    {
        var store = await NewStoreAsync();
        await using var sync = await store.BeginSyncAsync("jira", None);
        var records = new[] { SpecItems.Record(SpecItems.Jira("1", "PAY-1")) };
        await sync.CommitAsync("", records, [], "a", None);

        var unchanged = await sync.CommitAsync("", sync.Prepare(records, []), "b", CursorWrite.WhenChanged, None);
        var cursorAfterUnchanged = await sync.GetCursorAsync("", None);
        var changed = await sync.CommitAsync("", sync.Prepare([SpecItems.Record(SpecItems.Jira("2", "PAY-2"))], []), "c", CursorWrite.WhenChanged, None);
        var quarantined = await sync.CommitAsync("", sync.Prepare([], [new QuarantinedRecord("jira", "", "X-1", null, "bad", "{}")]), "d", CursorWrite.WhenChanged, None);

        Assert.False(unchanged.CursorWritten);
        Assert.Equal("a", cursorAfterUnchanged);
        Assert.True(changed.CursorWritten);
        Assert.True(quarantined.CursorWritten);
        Assert.Equal("d", await sync.GetCursorAsync("", None));
    }

    [Fact]
    public async Task Batches_prepared_on_other_threads_while_a_commit_runs_are_committed_in_order()
    {
        var store = await NewStoreAsync();
        await using var sync = await store.BeginSyncAsync("jira", None);
        var pages = Enumerable.Range(0, 8)
            .Select(p => Enumerable.Range(0, 300).Select(i => SpecItems.Record(SpecItems.Jira(((p * 200) + i).ToString("D5"), "PAY-" + ((p * 200) + i), SpecItems.T0.AddMinutes(p)))).ToList())
            .ToList();

        var prepared = pages.Select(page => Task.Run(() => sync.Prepare(page, []))).ToList();
        var upserted = 0;
        for (var p = 0; p < pages.Count; p++)
        {
            var commit = await sync.CommitAsync("", await prepared[p], p.ToString(System.Globalization.CultureInfo.InvariantCulture), CursorWrite.Always, None);
            upserted += commit.Upserted;
        }

        Assert.Equal(8 * 300, upserted);
        Assert.Equal(1700, await store.CountItemsAsync("jira", false, None));
        Assert.Equal("7", await sync.GetCursorAsync("", None));
        Assert.Equal(SpecItems.T0.AddMinutes(7), (await store.FindItemAsync("jira/01450", None))!.Updated);
        Assert.True(sync.BatchSize > 0);
    }

    [Fact]
    public async Task A_second_sync_of_the_same_source_waits_for_the_first_and_another_source_does_not()
    {
        var store = await NewStoreAsync();
        var first = await store.BeginSyncAsync("jira", None);

        var second = store.BeginSyncAsync("jira", None);
        await using (var other = await store.BeginSyncAsync("servicenow", None).WaitAsync(TimeSpan.FromSeconds(10)))
        {
            await other.CommitAsync("incident", [SpecItems.Record(SpecItems.Jira("a", "INC1", source: "servicenow"))], [], "x", None);
        }

        await Task.Delay(200);
        Assert.False(second.IsCompleted, "a second sync of the same source started while the first ran");
        await first.CommitAsync("", [SpecItems.Record(SpecItems.Jira("1", "PAY-1"))], [], "a", None);
        await first.DisposeAsync();
        await using var next = await second.WaitAsync(TimeSpan.FromSeconds(30));

        // The second sync sees what the first committed.
        var again = await next.CommitAsync("", [SpecItems.Record(SpecItems.Jira("1", "PAY-1"))], [], "b", None);
        Assert.Equal(new PageCommit(0, 1, 0, 0), again);
    }

    [Fact]
    public async Task A_batch_prepared_by_another_sync_is_refused()
    {
        var store = await NewStoreAsync();
        await using var jira = await store.BeginSyncAsync("jira", None);
        await using var other = await store.BeginSyncAsync("other", None);
        var batch = other.Prepare([SpecItems.Record(SpecItems.Jira("1", "PAY-1", source: "other"))], []);

        await Assert.ThrowsAsync<ArgumentException>(() => jira.CommitAsync("", batch, null, CursorWrite.Always, None));

        Assert.Equal(0, await store.CountItemsAsync(null, true, None));
    }
}
