using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace StrategyLayer.Store;

/// <summary>
/// A stream read a chunk at a time, keyed on where the last chunk ended, in three stages that run side
/// by side: the engine reads chunk N+1 (one read at a time: an engine whose calls must not overlap,
/// LiteDB, stays safe) while chunk N's rows are turned into items on a worker thread and the caller
/// works through chunk N-1. Both engines' <see cref="IMappingReader.MappedItemsAsync"/> read so. At 300k
/// items a report's reading was one thread doing the engine's work and the JSON's in turn, the longest
/// of the three; split, the two cores share it.
/// </summary>
public static class ReadAhead
{
    /// <summary>Chunks read and being decoded ahead of the caller, at most: bounds memory.</summary>
    private const int ChunksAhead = 2;

    /// <summary>
    /// Every item of every chunk, in order: <paramref name="readChunk"/> is called with
    /// <paramref name="first"/>, then with each chunk's <see cref="ReadAheadChunk{T, TKey}.Last"/> until
    /// that is null, never two calls at once; <paramref name="decode"/> turns each chunk's rows into items
    /// (chunks may decode at the same time as each other and as the next read). The caller may stop
    /// between two items (cancelled, or leaving early): the read and the decoding under way are awaited
    /// before the stream ends, so none outlives the stream on a store about to be disposed. A failed read
    /// or decode surfaces after every item before it.
    /// </summary>
    public static async IAsyncEnumerable<T> StreamAsync<TRow, T, TKey>(
        TKey first,
        Func<TKey, CancellationToken, Task<ReadAheadChunk<TRow, TKey>>> readChunk,
        Func<IReadOnlyList<TRow>, IReadOnlyList<T>> decode,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TKey : class
    {
        var decoded = Channel.CreateBounded<Task<IReadOnlyList<T>>>(new BoundedChannelOptions(ChunksAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? failure = null;
        var reading = Task.Run(
            async () =>
            {
                Task<IReadOnlyList<T>>? unsent = null;
                try
                {
                    for (TKey? at = first; at is not null;)
                    {
                        var chunk = await readChunk(at, stop.Token).ConfigureAwait(false);
                        var rows = chunk.Items;
                        unsent = Task.Run(() => decode(rows), CancellationToken.None);
                        await decoded.Writer.WriteAsync(unsent, stop.Token).ConfigureAwait(false);
                        unsent = null;
                        at = chunk.Last;
                    }
                }
                catch (Exception e)
                {
                    // Once the caller has left or cancelled, whatever the read met is not wanted: it says why it stopped.
                    if (!stop.IsCancellationRequested)
                    {
                        failure = e;
                    }
                }
                finally
                {
                    // A decoding the channel never took is waited for too (its outcome is not wanted).
                    if (unsent is not null)
                    {
                        await Task.WhenAny(unsent).ConfigureAwait(false);
                    }

                    decoded.Writer.TryComplete();
                }
            },
            CancellationToken.None);

        try
        {
            while (await decoded.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (decoded.Reader.TryRead(out var chunk))
                {
                    foreach (var item in await chunk.ConfigureAwait(false))
                    {
                        // The caller may cancel between two items: the stream stops there, not a chunk later.
                        cancellationToken.ThrowIfCancellationRequested();
                        yield return item;
                    }
                }
            }

            await reading.ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (failure is not null)
            {
                ExceptionDispatchInfo.Throw(failure);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await reading.ConfigureAwait(false);
            while (decoded.Reader.TryRead(out var left))
            {
                try
                {
                    await left.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The caller is already leaving (often on an error of its own); these items are not wanted.
                }
            }
        }
    }
}
