using System.Runtime.CompilerServices;

namespace StrategyLayer.Store;

/// <summary>
/// A stream read a chunk at a time, keyed on where the last chunk ended, with the next chunk read on a
/// worker thread while the caller works through this one: an engine's reading (and turning its rows
/// into items) and the caller's work run side by side. Both engines' <see cref="IMappingReader.MappedItemsAsync"/>
/// read so. One chunk is read at a time: an engine whose calls must not overlap (LiteDB) stays safe.
/// </summary>
public static class ReadAhead
{
    /// <summary>
    /// Every item of every chunk, in order: <paramref name="readChunk"/> is called with
    /// <paramref name="first"/>, then with each chunk's <see cref="ReadAheadChunk{T, TKey}.Last"/> until
    /// that is null. The caller may stop between two items (cancelled, or leaving early): the read under
    /// way is awaited before the stream ends, so it never outlives the stream on a store about to be disposed.
    /// </summary>
    public static async IAsyncEnumerable<T> StreamAsync<T, TKey>(
        TKey first,
        Func<TKey, CancellationToken, Task<ReadAheadChunk<T, TKey>>> readChunk,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TKey : class
    {
        Task<ReadAheadChunk<T, TKey>>? next = Task.Run(() => readChunk(first, cancellationToken), CancellationToken.None);
        try
        {
            while (next is not null)
            {
                var chunk = await next.ConfigureAwait(false);
                next = chunk.Last is { } last ? Task.Run(() => readChunk(last, cancellationToken), CancellationToken.None) : null;
                foreach (var item in chunk.Items)
                {
                    // The caller may cancel between two items: the stream stops there, not a chunk later.
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return item;
                }
            }
        }
        finally
        {
            if (next is not null)
            {
                try
                {
                    await next.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The caller is already leaving (often on an error of its own); this read is not wanted.
                }
            }
        }
    }
}
