using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.LiteDb;
using Xunit;

namespace StrategyLayer.Sync.Tests;

/// <summary>
/// Records that cannot be read, or read only with replaced text: kept or quarantined, reported with
/// item, page and field, read again by id on every sync until they read cleanly; and deletions read
/// by the instance's clock, not ours.
/// </summary>
public sealed class RecordsThatHealTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sl-heal-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly FakeTimeProvider _ours = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    private readonly LiteStrategyStore _store;

    public RecordsThatHealTests()
    {
        Directory.CreateDirectory(_dir);
        _store = LiteStrategyStore.Open(Path.Combine(_dir, "store.db"), new LiteStoreOptions { TimeProvider = _ours });
    }

    private SyncEngine Engine => new(_store, _store, NullLogger<SyncEngine>.Instance, _ours);

    private static WorkItem Item(int n, string source = "jira") => new()
    {
        Source = source,
        SourceId = (10000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Key = "PAY-" + n,
        Kind = WorkItemKind.Issue,
        Title = "Work " + n,
        Status = "To Do",
        Category = StatusCategory.ToDo,
        Created = T0,
        Updated = T0.AddMinutes(n),
    };

    private static ScriptedSource Source(int count, string name = "jira", string partition = "")
    {
        var source = new ScriptedSource(name, partition.Length == 0 ? [] : [partition]);
        for (var i = 1; i <= count; i++)
        {
            source.Put(Item(i, name), partition);
        }

        return source;
    }

    [Fact]
    public async Task A_garbled_record_is_stored_and_listed_and_an_unreadable_one_quarantined_with_key_and_page()
    {
        var source = Source(7);
        source.Garbled["10002"] = "summary";
        source.Unreadable["10005"] = "search page 2: PAY-5: fields.updated is not a date";

        var report = Assert.Single(await Engine.SyncAsync(source, false, null, CancellationToken.None));

        Assert.Equal(6, await _store.CountItemsAsync("jira", false, CancellationToken.None));
        Assert.Equal("Work 2 \uFFFD", (await _store.FindItemAsync("jira:PAY-2", CancellationToken.None))!.Title);
        Assert.Equal((7L, 6L, 1L, 1L), (report.Fetched, report.Upserted, report.Quarantined, report.ReplacedText));
        Assert.Null(report.Error);
        Assert.Equal(
            [new SyncDataQuality("jira:PAY-2", 1, "summary", "bytes that are not UTF-8", false), new SyncDataQuality("jira:PAY-5", 2, null, "search page 2: PAY-5: fields.updated is not a date", true)],
            report.DataQuality);
        Assert.Equal(["10002", "10005"], (await FlaggedIdsAsync("jira", "")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Once_mended_upstream_with_the_same_updated_time_a_plain_sync_reads_them_again_and_stores_them()
    {
        var source = Source(7);
        source.Garbled["10002"] = "summary";
        source.Unreadable["10005"] = "unreadable";
        await Engine.SyncAsync(source, false, null, CancellationToken.None);

        // Still bad: read again, still flagged.
        var still = Assert.Single(await Engine.SyncAsync(source, false, null, CancellationToken.None));
        Assert.Equal(["10002", "10005"], source.Reread[^1].Order(StringComparer.Ordinal));
        Assert.Equal((2L, 0L, 1L), (still.Reread, still.Healed, still.Quarantined));
        Assert.Equal(2, (await FlaggedIdsAsync("jira", "")).Count);

        // Mended upstream, its updated time unchanged: no change search would bring it back.
        source.Garbled.Clear();
        source.Unreadable.Clear();
        var healed = Assert.Single(await Engine.SyncAsync(source, false, null, CancellationToken.None));

        Assert.Equal((2L, 2L, 0L), (healed.Reread, healed.Healed, healed.Quarantined));
        Assert.Equal(7, await _store.CountItemsAsync("jira", false, CancellationToken.None));
        Assert.Equal("Work 2", (await _store.FindItemAsync("jira:PAY-2", CancellationToken.None))!.Title);
        Assert.Equal("Work 5", (await _store.FindItemAsync("jira:PAY-5", CancellationToken.None))!.Title);
        Assert.Empty((await FlaggedIdsAsync("jira", "")));
        Assert.Empty((await _store.QuarantinedAsync(null, CancellationToken.None)));
        Assert.Empty((await _store.ReplacedTextAsync(null, CancellationToken.None)));

        var quiet = Assert.Single(await Engine.SyncAsync(source, false, null, CancellationToken.None));
        Assert.Equal(0, quiet.Reread);
    }

    [Fact]
    public async Task A_flagged_record_gone_upstream_loses_its_flag_and_a_stored_one_is_marked_deleted()
    {
        var source = Source(4);
        source.Garbled["10002"] = "summary";
        source.Unreadable["10003"] = "unreadable";
        await Engine.SyncAsync(source, false, null, CancellationToken.None);
        source.Delete("10002");
        source.Delete("10003");

        var report = Assert.Single(await Engine.SyncAsync(source, false, null, CancellationToken.None));

        Assert.Equal(2, report.Healed);
        Assert.Equal(1, report.Deleted);
        Assert.NotNull((await _store.FindItemAsync("jira:PAY-2", CancellationToken.None))!.Removed);
        Assert.Empty((await FlaggedIdsAsync("jira", "")));
    }

    [Fact]
    public async Task A_flagged_record_the_change_search_brings_back_clean_loses_its_flag_without_a_read_by_id()
    {
        var source = Source(3);
        source.Unreadable["10003"] = "unreadable";
        await Engine.SyncAsync(source, false, null, CancellationToken.None);
        source.Unreadable.Clear();
        source.Put(Item(3) with { Updated = T0.AddHours(5) });

        var report = Assert.Single(await Engine.SyncAsync(source, false, null, CancellationToken.None));

        Assert.Equal((1L, 0L), (report.Healed, report.Reread));
        Assert.NotNull((await _store.FindItemAsync("jira:PAY-3", CancellationToken.None)));
        Assert.Empty((await FlaggedIdsAsync("jira", "")));
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(10)]
    [InlineData(-120)]
    [InlineData(-13 * 24 * 60)]
    public async Task Deletions_are_read_from_the_instance_clock_however_far_it_is_from_ours(int instanceMinutesAhead)
    {
        var offset = TimeSpan.FromMinutes(instanceMinutesAhead);
        DateTimeOffset Instance() => _ours.GetUtcNow() + offset;
        var source = Source(5, "sn", "audited");
        source.InstanceNow = Instance;
        var firstRead = Instance();
        await Engine.SyncAsync(source, false, null, CancellationToken.None);

        _ours.Advance(TimeSpan.FromMinutes(3));
        var deletedAt = Instance();
        source.Delete("10003", deletedAt);
        var second = Assert.Single(await Engine.SyncAsync(source, false, null, CancellationToken.None));

        Assert.Equal(1, second.Deleted);
        Assert.NotNull((await _store.FindItemAsync("sn:PAY-3", CancellationToken.None))!.Removed);
        Assert.Equal(firstRead, source.DeletionsAskedSince[^1]);

        _ours.Advance(TimeSpan.FromHours(1));
        source.Delete("10004", Instance());
        var third = Assert.Single(await Engine.SyncAsync(source, false, null, CancellationToken.None));

        Assert.Equal(1, third.Deleted);
        Assert.Equal(deletedAt, source.DeletionsAskedSince[^1]);
    }

    private async Task<IReadOnlyList<string>> FlaggedIdsAsync(string source, string partition)
    {
        await using var sync = await _store.BeginSyncAsync(source, CancellationToken.None);
        return await sync.FlaggedIdsAsync(partition, CancellationToken.None);
    }

    public void Dispose()
    {
        _store.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind costs nothing.
        }
    }
}
