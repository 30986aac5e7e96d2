using System.Runtime.CompilerServices;
using LiteDB;
using StrategyLayer.Store.Documents;
using StrategyLayer.Store.LiteDb.Files;

namespace StrategyLayer.Store.LiteDb.Roles;

/// <summary>
/// Items with their mappings in one pass. Items are read a chunk at a time in uid order, and each
/// chunk's mappings by the same uid range, so neither collection is held whole in memory. While the
/// caller works through one chunk, the next one is read from LiteDB and its JSON turned into items on a
/// worker thread: reading and parsing the documents is about half the cost of a report at 300k items,
/// so on two cores the caller's work and the reading run side by side.
/// </summary>
internal sealed class MappedItemStream(LiteFile file)
{
    public async IAsyncEnumerable<MappedItem> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Task<MappedChunk>? next = Task.Run(() => ReadChunk(BsonValue.MinValue), CancellationToken.None);
        try
        {
            while (next is not null)
            {
                var chunk = await next.ConfigureAwait(false);
                next = chunk.Last is { } last ? Task.Run(() => ReadChunk(last), CancellationToken.None) : null;
                foreach (var mapped in chunk.Items)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return mapped;
                }
            }
        }
        finally
        {
            // A caller that stops early must not leave a read running on a store it may dispose next.
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

    /// <summary>The items after <paramref name="after"/> (one chunk) with the mappings of the same uid range.</summary>
    /// <remarks>
    /// Bounds are parameters: <c>Query.GT</c> writes the value into the expression's text, so LiteDB
    /// parses and compiles a new delegate for every chunk. The mappings are asked with BETWEEN, one
    /// index range: with "<c>_id &gt; @0 AND _id &lt;= @1</c>" LiteDB may seek on one bound and test the
    /// other document by document from the start of the collection. The range's first uid belongs to
    /// the chunk before; a lookup by uid never asks for it.
    /// </remarks>
    private MappedChunk ReadChunk(BsonValue after)
    {
        // Only the reading takes a turn at the engine; the JSON is parsed after it.
        var (items, mappings, end) = file.Read(() =>
        {
            var items = file.Items.Find(BsonExpression.Create("_id > @0", after), 0, ItemScan.StreamChunk).ToList();
            var end = items.Count < ItemScan.StreamChunk ? null : items[^1][Names.Id];
            var mappings = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
            if (items.Count > 0)
            {
                foreach (var doc in file.Mappings.Find(BsonExpression.Create("_id BETWEEN @0 AND @1", after, end ?? BsonValue.MaxValue)))
                {
                    mappings[doc[Names.Id].AsString] = doc;
                }
            }

            return (items, mappings, end);
        });

        var mapped = new List<MappedItem>(items.Count);
        foreach (var doc in items)
        {
            if (StoreJson.ReadItem(doc[Names.Json].AsBinary) is { } item)
            {
                var mapping = mappings.TryGetValue(item.Uid, out var m)
                    ? System.Text.Json.JsonSerializer.Deserialize(m[Names.Json].AsBinary, StoreJson.Mapping)
                    : null;
                mapped.Add(new MappedItem(item, mapping));
            }
        }

        return new MappedChunk(mapped, end);
    }

    /// <summary>One chunk of items with their mappings; <see cref="Last"/> is null after the last chunk.</summary>
    private sealed record MappedChunk(List<MappedItem> Items, BsonValue? Last);
}
