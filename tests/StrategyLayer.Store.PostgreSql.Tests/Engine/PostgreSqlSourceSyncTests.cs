using System.Diagnostics;
using StrategyLayer.Store.Specification.Support;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Store.PostgreSql.Tests.Engine;

/// <summary>What the PostgreSQL engine adds to the contract: one sync per source across sessions, and no write for an unchanged item.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSourceSyncTests(PostgreSqlCluster cluster)
{
    private async Task<PostgreSqlStore> OpenAsync(string uri, Action<string>? waiting = null) =>
        await PostgreSqlStore.OpenAsync(PostgreSqlLocation.Parse(uri), new PostgreSqlStoreOptions { TimeProvider = TimeProvider.System, Waiting = waiting, ApplicationName = "strategylayer test" }, CancellationToken.None);

    [Fact]
    public async Task A_second_sync_of_the_same_source_waits_for_the_first_and_is_told_who_holds_it()
    {
        var uri = await cluster.CreateDatabaseAsync();
        await using var first = await PostgreSqlStore.OpenAsync(PostgreSqlLocation.Parse(uri), new PostgreSqlStoreOptions { TimeProvider = TimeProvider.System, ApplicationName = "strategylayer sync (pid 1 on first)" }, CancellationToken.None);
        var told = new List<string>();
        await using var second = await OpenAsync(uri, told.Add);

        var holding = await first.BeginSyncAsync("jira", CancellationToken.None);
        var waiting = second.BeginSyncAsync("jira", CancellationToken.None);
        await Task.Delay(500);
        Assert.False(waiting.IsCompleted, "the second sync did not wait");

        // Another source is not held up.
        await using (await second.BeginSyncAsync("servicenow", CancellationToken.None))
        {
        }

        await holding.CommitAsync("main", [SpecItems.Record(SpecItems.Jira("1", "PAY-1"))], [], "c1", CancellationToken.None);
        await holding.DisposeAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        var message = Assert.Single(told);
        Assert.Contains("jira", message, StringComparison.Ordinal);
        Assert.Contains("strategylayer sync (pid 1 on first)", message, StringComparison.Ordinal);

        // The second sync starts from what the first committed.
        var commit = await next.CommitAsync("main", [SpecItems.Record(SpecItems.Jira("1", "PAY-1"))], [], "c2", CancellationToken.None);
        Assert.Equal(1, commit.Unchanged);
    }

    [Fact]
    public async Task The_stored_states_are_read_beside_the_first_pages_and_a_sync_left_before_they_arrive_releases_its_lock()
    {
        var uri = await cluster.CreateDatabaseAsync();
        await using var store = await OpenAsync(uri);
        var records = Enumerable.Range(1, 3000).Select(i => SpecItems.Record(SpecItems.Jira(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "PAY-" + i))).ToList();
        await using (var sync = await store.BeginSyncAsync("jira", CancellationToken.None))
        {
            await sync.CommitAsync("main", records, [], "c1", CancellationToken.None);
        }

        // Left at once: the states' read is waited for, and the lock is given back.
        await (await store.BeginSyncAsync("jira", CancellationToken.None)).DisposeAsync();
        var told = new List<string>();
        await using var other = await OpenAsync(uri, told.Add);
        await using (var next = await other.BeginSyncAsync("jira", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)))
        {
            Assert.Empty(told);

            // The cursor is there before the states are; a commit compares with all of them.
            Assert.Equal("c1", await next.GetCursorAsync("main", CancellationToken.None));
            var before = other.Writes;
            var commit = await next.CommitAsync("main", next.Prepare(records.Append(SpecItems.Record(SpecItems.Jira("3001", "PAY-3001"))).ToList(), []), "c2", CursorWrite.WhenChanged, CancellationToken.None);
            Assert.Equal((1, 3000), (commit.Upserted, commit.Unchanged));
            Assert.Equal(before + 2, other.Writes);
        }
    }

    [Fact]
    public async Task A_waiting_sync_gives_up_when_cancelled()
    {
        var uri = await cluster.CreateDatabaseAsync();
        await using var first = await OpenAsync(uri);
        await using var second = await OpenAsync(uri);
        await using var holding = await first.BeginSyncAsync("jira", CancellationToken.None);

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.BeginSyncAsync("jira", cancel.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Reading_everything_again_unchanged_writes_no_row_and_moves_the_cursor_only_at_the_end()
    {
        await using var store = await OpenAsync(await cluster.CreateDatabaseAsync());
        var records = Enumerable.Range(1, 50).Select(i => SpecItems.Record(SpecItems.Jira(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "PAY-" + i))).ToList();
        await using (var sync = await store.BeginSyncAsync("jira", CancellationToken.None))
        {
            await sync.CommitAsync("main", records, [], "c1", CancellationToken.None);
        }

        var before = store.Writes;
        await using (var sync = await store.BeginSyncAsync("jira", CancellationToken.None))
        {
            var commit = await sync.CommitAsync("main", sync.Prepare(records, []), "c2", CursorWrite.WhenChanged, CancellationToken.None);
            Assert.Equal(50, commit.Unchanged);
            Assert.False(commit.CursorWritten);
            Assert.Equal("c1", await sync.GetCursorAsync("main", CancellationToken.None));
        }

        Assert.Equal(before, store.Writes);
        Assert.Equal(100, before);
        Assert.Equal(50, await store.CountItemsAsync("jira", false, CancellationToken.None));
    }
}
