using LiteDB;

namespace StrategyLayer.Store.LiteDb.Files;

/// <summary>
/// Item documents of one source (or all) in uid order, by keyset paging on _id. Each chunk is its own
/// LiteDB read (<see cref="LiteFile.Read{T}"/>, so a writer or another reader waits at most for one
/// chunk): no cursor stays open while the caller works (so it may write), and the pages a chunk
/// pinned are released before the next one, which keeps memory flat on large stores.
/// </summary>
internal static class ItemScan
{
    /// <summary>Documents read per chunk while streaming items.</summary>
    public const int StreamChunk = 500;

    /// <summary>Small-document scans (states, keys) read this many per read.</summary>
    public const int ScanChunk = 2000;

    /// <param name="file">The file whose items are read.</param>
    /// <param name="source">One source, or null for all.</param>
    /// <param name="chunkSize">Documents per read.</param>
    /// <param name="fields">Only these fields (and _id) are read from each document: LiteDB then skips the item JSON.</param>
    public static IEnumerable<BsonDocument> Scan(LiteFile file, string? source, int chunkSize, params string[] fields) =>
        Scan(file, f => f.Items, source, chunkSize, fields);

    /// <summary>The same scan over another collection keyed by uid (<paramref name="collection"/> is taken inside each read).</summary>
    public static IEnumerable<BsonDocument> Scan(LiteFile file, Func<LiteFile, ILiteCollection<BsonDocument>> collection, string? source, int chunkSize, params string[] fields)
    {
        var last = source is null ? BsonValue.MinValue : new BsonValue(source + "/");
        var end = source is null ? BsonValue.MaxValue : new BsonValue(source + "0");
        var projection = fields.Length == 0 ? null : BsonExpression.Create("{ " + string.Join(", ", fields.Prepend(Names.Id)) + " }");
        while (true)
        {
            var range = Query.And(Query.GT(Names.Id, last), Query.LT(Names.Id, end));
            var chunk = file.Read(() => projection is null
                ? collection(file).Find(range, 0, chunkSize).ToList()
                : collection(file).Query().Where(range).Select(projection).Limit(chunkSize).ToDocuments().ToList());
            foreach (var doc in chunk)
            {
                yield return doc;
            }

            if (chunk.Count < chunkSize)
            {
                yield break;
            }

            last = chunk[^1][Names.Id];
        }
    }
}
