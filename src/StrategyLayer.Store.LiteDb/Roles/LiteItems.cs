using LiteDB;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.LiteDb.Files;

namespace StrategyLayer.Store.LiteDb.Roles;

/// <summary><see cref="IItemReader"/> on the file. LiteDB is synchronous: each read runs on the caller's thread.</summary>
internal sealed class LiteItems(LiteFile file) : IItemReader
{
    private readonly KeyLookup _keys = new(file);

    public Task<WorkItem?> FindItemAsync(string idOrKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(file.Read(() => _keys.Find(idOrKey)));
    }

    public IAsyncEnumerable<WorkItem> ItemsAsync(ItemQuery? query, CancellationToken cancellationToken)
    {
        file.ThrowIfDisposed();
        query ??= ItemQuery.All;
        return new SyncSequence<WorkItem>(() => query.Uids is not null ? ByUids(query) : query.Team is null ? ByUid(query) : ByTeam(query), cancellationToken);
    }

    public Task<int> CountItemsAsync(string? source, bool includeRemoved, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        file.ThrowIfDisposed();
        return Task.FromResult(file.Read(() => ItemCounts.Count(file, source, includeRemoved)));
    }

    public Task<string?> GetRawAsync(string uid, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        file.ThrowIfDisposed();
        var packed = file.Read(() => file.Raw.FindById(uid)?[Names.Packed].AsBinary);
        return Task.FromResult(packed is null ? null : RawCompression.Unpack(packed));
    }

    public Task<IReadOnlyList<QuarantinedRecord>> QuarantinedAsync(string? source, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        file.ThrowIfDisposed();
        var docs = file.Read(() => (source is null ? file.Quarantine.FindAll() : file.Quarantine.Find(Query.EQ(Names.Source, source))).ToList());
        return Task.FromResult<IReadOnlyList<QuarantinedRecord>>(docs.Select(ItemDocuments.Quarantined).ToList());
    }

    public Task<IReadOnlyList<ReplacedTextItem>> ReplacedTextAsync(string? source, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        file.ThrowIfDisposed();
        var docs = file.Read(() => (source is null ? file.TextFixes.FindAll() : file.TextFixes.Find(Query.EQ(Names.Source, source))).ToList());
        return Task.FromResult<IReadOnlyList<ReplacedTextItem>>(docs.Select(ItemDocuments.Replaced).ToList());
    }

    public IAsyncEnumerable<LinkSighting> LinkHistoryAsync(CancellationToken cancellationToken)
    {
        file.ThrowIfDisposed();
        return new SyncSequence<LinkSighting>(ReadLinkHistory, cancellationToken);
    }

    public Task<IReadOnlyList<CursorRecord>> CursorsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        file.ThrowIfDisposed();
        IReadOnlyList<CursorRecord> cursors = file.Read(() => file.Cursors.FindAll().ToList())
            .Select(d => new CursorRecord(
                d[Names.Source].AsString,
                d[Names.Partition].AsString,
                d[Names.Value].IsNull ? null : d[Names.Value].AsString,
                d["at"].IsNull ? null : new DateTimeOffset(d["at"].AsInt64, TimeSpan.Zero)))
            .OrderBy(c => c.Source, StringComparer.Ordinal)
            .ThenBy(c => c.Partition, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(cursors);
    }

    /// <summary>The link history, read whole first (one small document per item with dependencies), then streamed out.</summary>
    private IEnumerable<LinkSighting> ReadLinkHistory()
    {
        foreach (var doc in file.Read(() => file.LinkHistory.FindAll().ToList()))
        {
            var uid = doc[Names.Id].AsString;
            foreach (var link in doc[Names.Links].AsArray)
            {
                yield return new LinkSighting(uid, link[Names.Key].AsString, new DateTimeOffset(link[Names.Seen].AsInt64, TimeSpan.Zero));
            }
        }
    }

    private IEnumerable<WorkItem> ByUid(ItemQuery query)
    {
        foreach (var doc in ItemScan.Scan(file, query.Source, ItemScan.StreamChunk))
        {
            if ((query.IncludeRemoved || !doc[Names.Removed].AsBoolean) && ItemDocuments.Load(doc) is { } item)
            {
                yield return item;
            }
        }
    }

    private IEnumerable<WorkItem> ByUids(ItemQuery query)
    {
        var uids = query.Uids!.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var chunk in uids.Chunk(ItemScan.StreamChunk))
        {
            var docs = file.Read(() => chunk.Select(u => file.Items.FindById(u)).Where(d => d is not null).ToList());
            foreach (var doc in docs)
            {
                if ((query.IncludeRemoved || !doc[Names.Removed].AsBoolean)
                    && (query.Source is null || doc[Names.Source].AsString == query.Source)
                    && (query.Team is null || string.Equals(doc[Names.Team].AsString, query.Team, StringComparison.OrdinalIgnoreCase))
                    && ItemDocuments.Load(doc) is { } item)
                {
                    yield return item;
                }
            }
        }
    }

    private IEnumerable<WorkItem> ByTeam(ItemQuery query)
    {
        // The team index finds the uids (small strings); documents are then read a chunk at a time.
        var uids = file.Read(() => file.Items.Query()
            .Where(Query.EQ(Names.Team, query.Team!.ToLowerInvariant()))
            .Select(BsonExpression.Create("{ _id: $._id, src: $.src, rm: $.rm }"))
            .ToEnumerable()
            .Where(d => (query.Source is null || d[Names.Source].AsString == query.Source) && (query.IncludeRemoved || !d[Names.Removed].AsBoolean))
            .Select(d => d[Names.Id].AsString)
            .ToList())
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var chunk in uids.Chunk(ItemScan.StreamChunk))
        {
            var docs = file.Read(() => chunk.Select(u => file.Items.FindById(u)).ToList());
            foreach (var doc in docs)
            {
                if (ItemDocuments.Load(doc) is { } item)
                {
                    yield return item;
                }
            }
        }
    }
}
