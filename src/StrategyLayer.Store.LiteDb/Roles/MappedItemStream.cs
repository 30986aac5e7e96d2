using LiteDB;
using StrategyLayer.Store.Documents;
using StrategyLayer.Store.LiteDb.Files;

namespace StrategyLayer.Store.LiteDb.Roles;

/// <summary>
/// Items with their mappings in one pass. Items are read a chunk at a time in uid order, and each
/// chunk's mappings by the same uid range, so neither collection is held whole in memory. Reading a
/// chunk from LiteDB, turning its JSON into items and the caller's work on the chunk before run side by
/// side (<see cref="ReadAhead"/>): at 300k items reading and parsing the documents is most of a report.
/// </summary>
internal sealed class MappedItemStream(LiteFile file)
{
    /// <remarks>The chunks are read one at a time, each in its own turn at the engine.</remarks>
    public IAsyncEnumerable<MappedItem> ReadAsync(CancellationToken cancellationToken) =>
        ReadAhead.StreamAsync<(BsonDocument Item, BsonDocument? Mapping), MappedItem, BsonValue>(BsonValue.MinValue, (after, _) => Task.FromResult(ReadChunk(after)), Decode, cancellationToken);

    /// <summary>The items after <paramref name="after"/> (one chunk) with the mappings of the same uid range.</summary>
    /// <remarks>
    /// Bounds are parameters: <c>Query.GT</c> writes the value into the expression's text, so LiteDB
    /// parses and compiles a new delegate for every chunk. The mappings are asked with BETWEEN, one
    /// index range: with "<c>_id &gt; @0 AND _id &lt;= @1</c>" LiteDB may seek on one bound and test the
    /// other document by document from the start of the collection. The range's first uid belongs to
    /// the chunk before; a lookup by uid never asks for it.
    /// </remarks>
    private ReadAheadChunk<(BsonDocument Item, BsonDocument? Mapping), BsonValue> ReadChunk(BsonValue after) =>
        file.Read(() =>
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

            var rows = items.Select(doc => (doc, mappings.GetValueOrDefault(doc[Names.Id].AsString))).ToList();
            return new ReadAheadChunk<(BsonDocument Item, BsonDocument? Mapping), BsonValue>(rows, end);
        });

    /// <summary>A chunk's documents as items with their mappings (outside the engine: the JSON is parsed on a worker thread).</summary>
    private static List<MappedItem> Decode(IReadOnlyList<(BsonDocument Item, BsonDocument? Mapping)> rows)
    {
        var mapped = new List<MappedItem>(rows.Count);
        foreach (var (doc, mappingDoc) in rows)
        {
            if (StoreJson.ReadItem(doc[Names.Json].AsBinary) is { } item)
            {
                var mapping = mappingDoc is null ? null : System.Text.Json.JsonSerializer.Deserialize(mappingDoc[Names.Json].AsBinary, StoreJson.Mapping);
                mapped.Add(new MappedItem(item, mapping));
            }
        }

        return mapped;
    }
}
