using System.Collections.Concurrent;
using System.Diagnostics;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.LiteDb.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace StrategyLayer.Store.LiteDb.Tests;

/// <summary>
/// The web view served from the scheduler's process reads while a sync writes the same file
/// (litedb-org/LiteDB#2817: LiteDB 5.0.20's page cache could hand a reader a buffer being recycled,
/// after which the engine refused every call). Real file, real batches of the sync's size.
/// </summary>
public sealed class ReadsBesideTheWriterTests(ITestOutputHelper output) : IDisposable
{
    private const int Seeded = 6 * LiteSourceSyncBatch;
    private const int Rounds = 8;
    private const int LiteSourceSyncBatch = 2000;
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Many_reads_through_the_read_roles_beside_large_commits_all_succeed_and_each_sees_whole_commits()
    {
        await using var store = LiteStrategyStore.Open(_temp.File("race.db"), new LiteStoreOptions { TimeProvider = TimeProvider.System });
        for (var start = 0; start < Seeded; start += LiteSourceSyncBatch)
        {
            await CommitAsync(store, Enumerable.Range(start, LiteSourceSyncBatch).Select(i => Record(i, 0)), "seed");
        }

        var failures = new ConcurrentQueue<string>();
        var latencies = new ConcurrentBag<double>();
        var reads = 0;
        using var stop = new CancellationTokenSource();

        // Each round updates half a batch of stored items and adds half a batch of new ones, in one commit.
        var writer = Task.Run(async () =>
        {
            try
            {
                for (var round = 1; round <= Rounds; round++)
                {
                    var added = Seeded + ((round - 1) * (LiteSourceSyncBatch / 2));
                    var records = Enumerable.Range((round - 1) * (LiteSourceSyncBatch / 2), LiteSourceSyncBatch / 2).Select(i => Record(i, round))
                        .Concat(Enumerable.Range(added, LiteSourceSyncBatch / 2).Select(i => Record(i, round)));
                    await CommitAsync(store, records, "round-" + round);
                }
            }
            finally
            {
                await stop.CancelAsync();
            }
        });

        var readers = Enumerable.Range(0, 4).Select(r => Task.Run(async () =>
        {
            var random = new Random(r);
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await ReadOnceAsync(store, r, random);
                }
                catch (Exception e)
                {
                    failures.Enqueue($"reader {r}: {e.GetType().Name}: {e.Message}");
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref reads);
            }
        })).ToList();

        await writer;
        await Task.WhenAll(readers);

        var sorted = latencies.Order().ToList();
        output.WriteLine($"{reads} reads beside {Rounds} commits of {LiteSourceSyncBatch} items; read time median {sorted[sorted.Count / 2]:F1} ms, 95th {sorted[(int)(sorted.Count * 0.95)]:F1} ms, max {sorted[^1]:F1} ms");
        Assert.Empty(failures);
        Assert.True(reads >= 4 * Rounds, $"only {reads} reads ran beside the writer");

        // The engine still answers, and everything committed is there.
        Assert.Equal(Seeded + (Rounds * LiteSourceSyncBatch / 2), await store.CountItemsAsync("jira", true, None));
        Assert.Equal("round-" + Rounds, Assert.Single(await store.CursorsAsync(None)).Cursor);
    }

    /// <summary>One of the reads the web view and <c>status</c> make, each checked against what a whole commit leaves.</summary>
    private static async Task ReadOnceAsync(LiteStrategyStore store, int reader, Random random)
    {
        switch (random.Next(5))
        {
            case 0:
                // A commit adds half a batch: a count between two commits is a multiple of it.
                var count = await store.CountItemsAsync("jira", true, None);
                Check(count % (LiteSourceSyncBatch / 2) == 0 && count >= Seeded, $"count {count} is not what whole commits leave");
                break;
            case 1:
                var index = random.Next(Seeded);
                var item = await store.FindItemAsync(SyntheticItems.Item("jira", index, 0).Key, None)
                    ?? await store.FindItemAsync("jira/" + (100000 + index), None);
                Check(item?.SourceId == (100000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture), $"item {index} not found");
                break;
            case 2:
                var raw = await store.GetRawAsync("jira/" + (100000 + random.Next(Seeded)), None);
                Check(raw is not null && raw.StartsWith("{\"id\"", StringComparison.Ordinal), "a raw record is missing or garbled");
                break;
            case 3:
                string? last = null;
                var seen = 0;
                await foreach (var streamed in store.ItemsAsync(new ItemQuery { Team = reader % 2 == 0 ? "PAY" : "OPS" }, None))
                {
                    Check(last is null || string.CompareOrdinal(last, streamed.Uid) < 0, $"the stream went back from {last} to {streamed.Uid}");
                    last = streamed.Uid;
                    seen++;
                }

                Check(seen >= Seeded / 6, $"a team stream brought {seen} items");
                break;
            default:
                var cursors = await store.CursorsAsync(None);
                Check(cursors.Count == 1 && cursors[0].Cursor is not null, "the cursor is missing");
                Check((await store.LinkHistoryAsync(None).CountAsync()) >= Seeded / 5, "link history lost");
                break;
        }
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException(problem);
        }
    }

    private static SourceRecord Record(int index, int version)
    {
        var item = SyntheticItems.Item("jira", index, version);
        return new SourceRecord(item, "{\"id\":\"" + item.SourceId + "\",\"key\":\"" + item.Key + "\",\"description\":\"" + item.Description + "\"}");
    }

    private static async Task CommitAsync(LiteStrategyStore store, IEnumerable<SourceRecord> records, string cursor)
    {
        await using var sync = await store.BeginSyncAsync("jira", None);
        await sync.CommitAsync("", sync.Prepare(records.ToList(), []), cursor, CursorWrite.Always, None);
    }
}
