using LiteDB;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.Serialization;

namespace StrategyLayer.Store;

public sealed partial class LiteStrategyStore
{
    /// <summary>Documents read per chunk while streaming: bounds memory and releases LiteDB's cursor between chunks.</summary>
    private const int StreamChunk = 500;

    /// <summary>Small-document scans (states, keys) read this many per LiteDB transaction.</summary>
    private const int ScanChunk = 2000;

    /// <inheritdoc />
    public WorkItem? FindItem(string idOrKey)
    {
        ThrowIfDisposed();
        var text = idOrKey.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Contains('/', StringComparison.Ordinal) && Load(_items.FindById(text)) is { } byUid)
        {
            return byUid;
        }

        var (source, key) = ItemId.Parse(text);

        var uids = source is null ? [] : Named(key, u => u.StartsWith(source + "/", StringComparison.OrdinalIgnoreCase));
        if (uids.Count == 0)
        {
            // A bare key (or a prefix that is not a source): every source that has it.
            uids = Named(source is null ? key : text, _ => true);
        }

        switch (uids.Count)
        {
            case 0:
                return null;
            case 1:
                return Load(_items.FindById(uids[0]));
            default:
                var candidates = uids.Select(u => Load(_items.FindById(u))).OfType<WorkItem>().Select(i => i.Id).Order(StringComparer.Ordinal);
                throw new StrategyLayerException(
                    $"'{idOrKey}' is ambiguous: it names {string.Join(", ", candidates)}; write it as SOURCE:KEY",
                    ErrorKind.Usage,
                    idOrKey);
        }
    }

    /// <summary>
    /// Uids of the items named <paramref name="key"/> (any case) that <paramref name="keep"/> accepts:
    /// those whose current key it is (the items' key index) or, when there are none, those that left
    /// it behind when they moved (aliases). The key is a parameter: the query text stays the same, so
    /// LiteDB compiles it once, not on every lookup (reports look up every blocker).
    /// </summary>
    private List<string> Named(string key, Func<string, bool> keep)
    {
        var lower = key.ToLowerInvariant();
        var current = _items.Find(BsonExpression.Create(KeyExpression + " = @0", new BsonValue(lower))).Select(d => d[Names.Id].AsString).Where(keep).Distinct(StringComparer.Ordinal).ToList();
        return current.Count > 0
            ? current
            : _keys.Find(BsonExpression.Create("$." + Names.BareKey + " = @0", new BsonValue(lower))).Select(d => d[Names.Uid].AsString).Where(keep).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public IEnumerable<WorkItem> Items(ItemQuery? query = null)
    {
        ThrowIfDisposed();
        query ??= new ItemQuery();
        return query.Team is null ? StreamByUid(query) : StreamByTeam(query);
    }

    /// <inheritdoc />
    public int CountItems(string? source = null, bool includeRemoved = false)
    {
        ThrowIfDisposed();
        var counters = source is null ? _counts.FindAll().ToList() : [_counts.FindById(source) ?? new BsonDocument()];
        return counters.Sum(c => (c.TryGetValue("n", out var n) ? n.AsInt32 : 0) - (includeRemoved || !c.TryGetValue("r", out var r) ? 0 : r.AsInt32));
    }

    /// <summary>Item counts per source (removed ones left out), for <c>status</c>.</summary>
    public IReadOnlyDictionary<string, int> CountItemsBySource()
    {
        ThrowIfDisposed();
        return _counts.FindAll().ToDictionary(c => c[Names.Id].AsString, c => c["n"].AsInt32 - c["r"].AsInt32, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public string? GetRaw(string uid)
    {
        ThrowIfDisposed();
        var doc = _raw.FindById(uid);
        return doc is null ? null : Compression.Unpack(doc[Names.Packed].AsBinary);
    }

    /// <inheritdoc />
    public IReadOnlyList<ScopeKey> ItemKeys(string source, string? partition = null)
    {
        ThrowIfDisposed();
        var prefix = source + "/";
        var keys = new List<ScopeKey>();
        foreach (var doc in Scan(source, ScanChunk, Names.Partition, Names.Removed, Names.Key))
        {
            var part = doc[Names.Partition].IsNull ? null : doc[Names.Partition].AsString;
            if (doc[Names.Removed].AsBoolean || (partition is not null && !string.Equals(part, partition, StringComparison.Ordinal)))
            {
                continue;
            }

            var uid = doc[Names.Id].AsString;
            keys.Add(new ScopeKey(uid, uid[prefix.Length..], doc[Names.Key].AsString, part));
        }

        return keys;
    }

    /// <inheritdoc />
    /// <remarks>
    /// A removed item's stored hash is reset, so the next sighting upstream rewrites (un-removes) it.
    /// A states dictionary loaded before this call still holds the old hash: reload it with
    /// <see cref="LoadItemStates"/> before committing more pages of the same source.
    /// </remarks>
    public int MarkRemoved(IReadOnlyList<(string Uid, Removal Removal)> removals) => InTransaction(() =>
    {
        var changed = 0;
        foreach (var (uid, removal) in removals)
        {
            var doc = _items.FindById(uid);
            if (doc is null || Load(doc) is not { } item || item.Removed?.Reason == removal.Reason)
            {
                continue;
            }

            doc[Names.Json] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(item with { Removed = removal }, StoreJson.WorkItem);

            // The next sighting upstream must rewrite (and so un-remove) the item even if it is unchanged.
            doc[Names.Hash] = ContentHash.MustRewrite;
            var wasRemoved = doc[Names.Removed].AsBoolean;
            doc[Names.Removed] = true;
            _items.Update(doc);
            AdjustCount(item.Source, 0, wasRemoved ? 0 : 1);
            changed++;
        }

        return changed;
    });

    /// <inheritdoc />
    public IReadOnlyList<QuarantinedRecord> Quarantined(string? source = null)
    {
        ThrowIfDisposed();
        var docs = source is null ? _quarantine.FindAll() : _quarantine.Find(Query.EQ(Names.Source, source));
        return docs.Select(d => new QuarantinedRecord(
            d[Names.Source].AsString,
            NullableString(d[Names.Partition]),
            NullableString(d[Names.Key]),
            NullableString(d["sid"]),
            d["reason"].AsString,
            Compression.Unpack(d[Names.Packed].AsBinary))).ToList();
    }

    private IEnumerable<WorkItem> StreamByUid(ItemQuery query)
    {
        foreach (var doc in Scan(query.Source, StreamChunk))
        {
            if ((query.IncludeRemoved || !doc[Names.Removed].AsBoolean) && Load(doc) is { } item)
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// Item documents of one source (or all) in uid order, by keyset paging on _id. Each chunk is its
    /// own LiteDB read: no cursor stays open while the caller works (so it may write), and the pages a
    /// chunk pinned are released before the next one, which keeps memory flat on large stores.
    /// </summary>
    /// <param name="source">One source, or null for all.</param>
    /// <param name="chunkSize">Documents per read.</param>
    /// <param name="fields">Only these fields (and _id) are read from each document: LiteDB then skips the item JSON.</param>
    private IEnumerable<BsonDocument> Scan(string? source, int chunkSize, params string[] fields)
    {
        var last = source is null ? BsonValue.MinValue : new BsonValue(source + "/");
        var end = source is null ? BsonValue.MaxValue : new BsonValue(source + "0");
        var projection = fields.Length == 0 ? null : BsonExpression.Create("{ " + string.Join(", ", fields.Prepend(Names.Id)) + " }");
        while (true)
        {
            var range = Query.And(Query.GT(Names.Id, last), Query.LT(Names.Id, end));
            var chunk = projection is null
                ? _items.Find(range, 0, chunkSize).ToList()
                : _items.Query().Where(range).Select(projection).Limit(chunkSize).ToDocuments().ToList();
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

    private IEnumerable<WorkItem> StreamByTeam(ItemQuery query)
    {
        // The team index finds the uids (small strings); documents are then read a chunk at a time.
        var uids = _items.Query()
            .Where(Query.EQ(Names.Team, query.Team!.ToLowerInvariant()))
            .Select(BsonExpression.Create("{ _id: $._id, src: $.src, rm: $.rm }"))
            .ToEnumerable()
            .Where(d => (query.Source is null || d[Names.Source].AsString == query.Source) && (query.IncludeRemoved || !d[Names.Removed].AsBoolean))
            .Select(d => d[Names.Id].AsString)
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var chunk in uids.Chunk(StreamChunk))
        {
            var docs = chunk.Select(u => _items.FindById(u)).ToList();
            foreach (var doc in docs)
            {
                if (Load(doc) is { } item)
                {
                    yield return item;
                }
            }
        }
    }

    private static WorkItem? Load(BsonDocument? doc) =>
        doc is null ? null : System.Text.Json.JsonSerializer.Deserialize(doc[Names.Json].AsBinary, StoreJson.WorkItem);

    private static string? NullableString(BsonValue value) => value.IsNull ? null : value.AsString;
}
