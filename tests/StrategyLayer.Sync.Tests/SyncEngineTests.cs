using Microsoft.Extensions.Logging.Abstractions;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.LiteDb;
using Xunit;

namespace StrategyLayer.Sync.Tests;

public sealed class SyncEngineTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sl-sync-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly LiteStrategyStore _store;

    public SyncEngineTests()
    {
        Directory.CreateDirectory(_dir);
        _store = LiteStrategyStore.Open(Path.Combine(_dir, "store.db"), new LiteStoreOptions { TimeProvider = TimeProvider.System });
    }

    private SyncEngine Engine => new(_store, _store, NullLogger<SyncEngine>.Instance, TimeProvider.System);

    private static WorkItem Item(int n, DateTimeOffset updated, string title = "Work") => new()
    {
        Source = "jira",
        SourceId = (10000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Key = "PAY-" + n,
        Kind = WorkItemKind.Issue,
        Title = title + " " + n,
        Status = "To Do",
        Category = StatusCategory.ToDo,
        Created = T0,
        Updated = updated,
    };

    [Fact]
    public async Task A_first_sync_stores_every_page_and_moves_the_cursor_to_the_newest_change()
    {
        var source = new ScriptedSource("jira");
        for (var i = 1; i <= 7; i++)
        {
            source.Put(Item(i, T0.AddMinutes(i)));
        }

        var report = Assert.Single(await Engine.SyncAsync(source, full: false, null, CancellationToken.None));

        Assert.Equal(7, report.Fetched);
        Assert.Equal(7, report.Upserted);
        Assert.Equal(0, report.Unchanged);
        Assert.Equal(7, await _store.CountItemsAsync("jira", false, CancellationToken.None));
        Assert.StartsWith("2026-11-01T09:07:00Z", await CursorAsync("jira", ""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_sync_with_nothing_changed_upserts_nothing_and_an_edit_upserts_one()
    {
        var source = new ScriptedSource("jira");
        for (var i = 1; i <= 5; i++)
        {
            source.Put(Item(i, T0.AddMinutes(i)));
        }

        await Engine.SyncAsync(source, false, null, CancellationToken.None);
        var again = Assert.Single(await Engine.SyncAsync(source, false, null, CancellationToken.None));
        Assert.Equal(0, again.Upserted);
        Assert.NotNull(source.CursorsAsked[^1]);

        source.Put(Item(5, T0.AddMinutes(30), "Edited"));
        var edit = Assert.Single(await Engine.SyncAsync(source, false, null, CancellationToken.None));

        Assert.Equal(1, edit.Upserted);
        Assert.Equal("Edited 5", (await _store.FindItemAsync("jira:PAY-5", CancellationToken.None))!.Title);
    }

    [Fact]
    public async Task A_full_sync_marks_deleted_and_out_of_scope_items_removed_and_keeps_them()
    {
        var source = new ScriptedSource("jira");
        for (var i = 1; i <= 6; i++)
        {
            source.Put(Item(i, T0.AddMinutes(i)));
        }

        await Engine.SyncAsync(source, false, null, CancellationToken.None);
        source.Delete("10002");
        source.MoveOutOfScope("10004");

        var report = Assert.Single(await Engine.SyncAsync(source, full: true, null, CancellationToken.None));

        Assert.Equal(1, report.Deleted);
        Assert.Equal(1, report.OutOfScope);
        Assert.Equal(RemovalReason.Deleted, (await _store.FindItemAsync("jira:PAY-2", CancellationToken.None))!.Removed!.Reason);
        Assert.Equal(RemovalReason.OutOfScope, (await _store.FindItemAsync("jira:PAY-4", CancellationToken.None))!.Removed!.Reason);
        Assert.Null((await _store.FindItemAsync("jira:PAY-3", CancellationToken.None))!.Removed);
    }

    [Fact]
    public async Task Deletions_the_source_records_are_applied_on_an_incremental_sync()
    {
        var source = new ScriptedSource("sn", "audited");
        for (var i = 1; i <= 4; i++)
        {
            source.Put(Item(i, T0.AddMinutes(i)) with { Source = "sn" }, "audited");
        }

        await Engine.SyncAsync(source, false, null, CancellationToken.None);
        source.Delete("10003");

        var report = Assert.Single(await Engine.SyncAsync(source, false, null, CancellationToken.None));

        Assert.Equal(1, report.Deleted);
        Assert.NotNull((await _store.FindItemAsync("sn:PAY-3", CancellationToken.None))!.Removed);
    }

    [Fact]
    public async Task A_failing_partition_is_reported_and_the_others_still_sync()
    {
        var source = new ScriptedSource("sn", "incident", "problem");
        source.Put(Item(1, T0) with { Source = "sn" }, "incident");
        source.Put(Item(2, T0) with { Source = "sn" }, "problem");
        source.FailingPartitions.Add("incident");

        var reports = await Engine.SyncAsync(source, false, null, CancellationToken.None);

        Assert.Contains("HTTP 500", reports.Single(r => r.Table == "incident").Error, StringComparison.Ordinal);
        Assert.Equal(1, reports.Single(r => r.Table == "problem").Upserted);
        Assert.Null(await CursorAsync("sn", "incident"));
    }

    [Fact]
    public async Task A_source_failing_mid_sync_keeps_every_batch_committed_before_it_and_resumes_from_there()
    {
        var source = new ScriptedSource("jira") { PageSize = 500, FailAfterPages = 6 };
        for (var i = 1; i <= 4500; i++)
        {
            source.Put(Item(i, T0.AddSeconds(i)));
        }

        var report = Assert.Single(await Engine.SyncAsync(source, full: false, null, CancellationToken.None));

        // Pages 1–4 filled the first commit; pages 5–6 were read but never reached a commit.
        await using (var probe = await _store.BeginSyncAsync("probe", CancellationToken.None))
        {
            Assert.Equal(2000, probe.BatchSize);
        }

        Assert.Contains("HTTP 502", report.Error, StringComparison.Ordinal);
        Assert.Equal(2000, await _store.CountItemsAsync("jira", false, CancellationToken.None));

        // The summary says what was committed before the failure, not nothing.
        Assert.Equal(2000, report.Fetched);
        Assert.Equal(2000, report.Upserted);
        Assert.Equal(await CursorAsync("jira", ""), report.Cursor);
        Assert.StartsWith(T0.AddSeconds(2000).ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), await CursorAsync("jira", ""), StringComparison.Ordinal);

        source.FailAfterPages = null;
        var resumed = Assert.Single(await Engine.SyncAsync(source, full: false, null, CancellationToken.None));

        Assert.Null(resumed.Error);
        Assert.Equal(4500, await _store.CountItemsAsync("jira", false, CancellationToken.None));
        Assert.Equal(T0.AddSeconds(2000), source.CursorsAsked[^1]!.Mark);
    }

    [Fact]
    public async Task Cancelling_stops_before_the_next_commit_and_keeps_the_committed_ones()
    {
        var source = new ScriptedSource("jira") { PageSize = 500 };
        for (var i = 1; i <= 6000; i++)
        {
            source.Put(Item(i, T0.AddSeconds(i)));
        }

        using var cancel = new CancellationTokenSource();
        var progress = new InlineProgress(_ => cancel.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Engine.SyncAsync(source, full: false, progress, cancel.Token));

        Assert.Equal(2000, await _store.CountItemsAsync("jira", false, CancellationToken.None));
        Assert.StartsWith(T0.AddSeconds(2000).ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), await CursorAsync("jira", ""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_sources_sync_side_by_side_through_one_engine_and_both_arrive_whole()
    {
        var jira = new ScriptedSource("jira") { PageSize = 500 };
        var other = new ScriptedSource("jira2") { PageSize = 700 };
        for (var i = 1; i <= 9000; i++)
        {
            jira.Put(Item(i, T0.AddSeconds(i)));
            other.Put(Item(i, T0.AddSeconds(i)) with { Source = "jira2" });
        }

        var engine = Engine;
        var reports = await Task.WhenAll(engine.SyncAsync(jira, false, null, CancellationToken.None), engine.SyncAsync(other, false, null, CancellationToken.None));

        Assert.Equal(9000, Assert.Single(reports[0]).Upserted);
        Assert.Equal(9000, Assert.Single(reports[1]).Upserted);
        Assert.Equal(9000, await _store.CountItemsAsync("jira", false, CancellationToken.None));
        Assert.Equal(9000, await _store.CountItemsAsync("jira2", false, CancellationToken.None));
        Assert.StartsWith(T0.AddSeconds(9000).ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), await CursorAsync("jira2", ""), StringComparison.Ordinal);
    }

    private async Task<string?> CursorAsync(string source, string partition)
    {
        await using var sync = await _store.BeginSyncAsync(source, CancellationToken.None);
        return await sync.GetCursorAsync(partition, CancellationToken.None);
    }

    public void Dispose()
    {
        _store.Dispose();
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Reports on the committing thread itself (Progress&lt;T&gt; would post elsewhere, later).</summary>
internal sealed class InlineProgress(Action<SyncProgress> report) : IProgress<SyncProgress>
{
    public void Report(SyncProgress value) => report(value);
}
