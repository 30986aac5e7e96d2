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
    /// <remarks>The chunks are read one at a time (<see cref="ReadAhead"/>), each in its own turn at the engine.</remarks>
    public IAsyncEnumerable<MappedItem> ReadAsync(CancellationToken cancellationToken) =>
        ReadAhead.StreamAsync<MappedItem, BsonValue>(BsonValue.MinValue, (after, _) => Task.FromResult(ReadChunk(after)), cancellationToken);

    /// <summary>The items after <paramref name="after"/> (one chunk) with the mappings of the same uid range.</summary>
    /// <remarks>
    /// Bounds are parameters: <c>Query.GT</c> writes the value into the expression's text, so LiteDB
    /// parses and compiles a new delegate for every chunk. The mappings are asked with BETWEEN, one
    /// index range: with "<c>_id &gt; @0 AND _id &lt;= @1</c>" LiteDB may seek on one bound and test the
    /// other document by document from the start of the collection. The range's first uid belongs to
    /// the chunk before; a lookup by uid never asks for it.
    /// </remarks>
    private ReadAheadChunk<MappedItem, BsonValue> ReadChunk(BsonValue after)
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

        return new ReadAheadChunk<MappedItem, BsonValue>(mapped, end);
    }
}
