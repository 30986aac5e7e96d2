using Xunit;

namespace StrategyLayer.Store.LiteDb.Tests;

/// <summary>The three-stage read-ahead both engines' item streams use: order, one read at a time, failures and leaving early.</summary>
public sealed class ReadAheadTests
{
    private const int ChunkSize = 7;

    [Fact]
    public async Task Every_item_comes_in_order_and_no_two_reads_overlap()
    {
        var source = new Source(100);

        var items = await ListAsync(ReadAhead.StreamAsync<int, string, Box>(new Box(0), source.ReadAsync, Decode, CancellationToken.None));

        Assert.Equal(Enumerable.Range(0, 100).Select(i => "#" + i), items);
        Assert.Equal(1, source.MostAtOnce);
        Assert.Equal(15, source.Reads);
    }

    [Fact]
    public async Task A_failed_read_surfaces_after_every_item_before_it()
    {
        var source = new Source(100) { FailAt = 21 };
        var seen = new List<string>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in ReadAhead.StreamAsync<int, string, Box>(new Box(0), source.ReadAsync, Decode, CancellationToken.None))
            {
                seen.Add(item);
            }
        });

        Assert.Equal("read at 21 failed", error.Message);
        Assert.Equal(Enumerable.Range(0, 21).Select(i => "#" + i), seen);
    }

    [Fact]
    public async Task A_failed_decode_surfaces_after_every_item_before_it()
    {
        var seen = new List<string>();

        await Assert.ThrowsAsync<FormatException>(async () =>
        {
            await foreach (var item in ReadAhead.StreamAsync<int, string, Box>(new Box(0), new Source(100).ReadAsync, rows => rows.Contains(30) ? throw new FormatException("bad row") : Decode(rows), CancellationToken.None))
            {
                seen.Add(item);
            }
        });

        Assert.Equal(Enumerable.Range(0, 28).Select(i => "#" + i), seen);
    }

    [Fact]
    public async Task A_cancelled_stream_stops_between_two_items_and_leaves_no_read_running()
    {
        var source = new Source(10_000) { Delay = TimeSpan.FromMilliseconds(2) };
        using var cancel = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in ReadAhead.StreamAsync<int, string, Box>(new Box(0), source.ReadAsync, Decode, cancel.Token))
            {
                if (++seen == 10)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.Equal(10, seen);
        Assert.Equal(0, source.Running);
        Assert.True(source.Reads < 10_000 / ChunkSize);
    }

    [Fact]
    public async Task A_caller_that_leaves_early_leaves_no_read_running()
    {
        var source = new Source(10_000) { Delay = TimeSpan.FromMilliseconds(2) };
        var seen = 0;

        await foreach (var _ in ReadAhead.StreamAsync<int, string, Box>(new Box(0), source.ReadAsync, Decode, CancellationToken.None))
        {
            if (++seen == 3)
            {
                break;
            }
        }

        Assert.Equal(0, source.Running);
        var reads = source.Reads;
        await Task.Delay(50);
        Assert.Equal(reads, source.Reads);
    }

    private static IReadOnlyList<string> Decode(IReadOnlyList<int> rows) => [.. rows.Select(r => "#" + r)];

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> stream)
    {
        var list = new List<T>();
        await foreach (var item in stream)
        {
            list.Add(item);
        }

        return list;
    }

    private sealed record Box(int At);

    /// <summary>Rows 0..count-1 in chunks; counts reads and how many ran at once.</summary>
    private sealed class Source(int count)
    {
        private int _running;
        private int _reads;
        private int _most;

        public int? FailAt { get; init; }

        public TimeSpan Delay { get; init; }

        public int Running => Volatile.Read(ref _running);

        public int Reads => Volatile.Read(ref _reads);

        public int MostAtOnce => Volatile.Read(ref _most);

        public async Task<ReadAheadChunk<int, Box>> ReadAsync(Box after, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _running);
            Interlocked.Increment(ref _reads);
            InterlockedMax(ref _most, now);
            try
            {
                await Task.Delay(Delay == TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : Delay, CancellationToken.None);
                if (FailAt is { } f && after.At >= f)
                {
                    throw new InvalidOperationException($"read at {after.At} failed");
                }

                var rows = Enumerable.Range(after.At, Math.Max(0, Math.Min(ChunkSize, count - after.At))).ToList();
                return new ReadAheadChunk<int, Box>(rows, after.At + ChunkSize >= count ? null : new Box(after.At + ChunkSize));
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            var seen = Volatile.Read(ref target);
            while (seen < value && Interlocked.CompareExchange(ref target, value, seen) is var was && was != seen)
            {
                seen = was;
            }
        }
    }
}
