using System.Runtime.CompilerServices;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Sync.Tests;

/// <summary>
/// A hand-written source over an in-memory list of items: pages them oldest change first from a
/// cursor, like a real connector, and lets a test delete items (recording the deletion at the
/// instance's own time), move them out of scope, fail a partition, or make a record unreadable or
/// its text garbled. It records the cursors, deletion marks and ids it was asked for.
/// </summary>
public sealed class ScriptedSource(string name, params string[] partitions) : IWorkSource
{
    private readonly Dictionary<string, (WorkItem Item, string Partition, bool InScope)> _items = [];
    private readonly List<(string SourceId, DateTimeOffset? At)> _deleted = [];

    public string Name => name;

    public IReadOnlyList<string> Partitions => partitions.Length == 0 ? [""] : partitions;

    public int PageSize { get; set; } = 3;

    public List<string> Deleted => [.. _deleted.Select(d => d.SourceId)];

    public HashSet<string> FailingPartitions { get; } = [];

    public List<SyncCursor?> CursorsAsked { get; } = [];

    /// <summary>The marks <see cref="ReadDeletionsAsync"/> was asked from.</summary>
    public List<DateTimeOffset> DeletionsAskedSince { get; } = [];

    /// <summary>The ids each <see cref="RereadAsync"/> was asked for.</summary>
    public List<IReadOnlyList<string>> Reread { get; } = [];

    /// <summary>When set, the page after this many fails (HTTP 502), as a source going down mid-sync.</summary>
    public int? FailAfterPages { get; set; }

    /// <summary>The instance's own clock, sent with every page (its Date header); null sends none.</summary>
    public Func<DateTimeOffset>? InstanceNow { get; set; }

    /// <summary>How far before a mark deletions are read again (a connector's overlap window).</summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Records that cannot be read (quarantined with this reason), by source id.</summary>
    public Dictionary<string, string> Unreadable { get; } = [];

    /// <summary>Records whose text came garbled (stored with U+FFFD in this field), by source id.</summary>
    public Dictionary<string, string> Garbled { get; } = [];

    public void Put(WorkItem item, string partition = "", bool inScope = true) => _items[item.SourceId] = (item, partition, inScope);

    /// <summary>Deletes an item; <paramref name="recordedAt"/> is the instance's time of its deletion record (none: no record).</summary>
    public void Delete(string sourceId, DateTimeOffset? recordedAt = null)
    {
        _items.Remove(sourceId);
        _deleted.Add((sourceId, recordedAt));
    }

    public async IAsyncEnumerable<SourcePage> ReadChangesAsync(string partition, SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        CursorsAsked.Add(cursor);
        if (FailingPartitions.Contains(partition))
        {
            throw new SourceException(name, "HTTP 500 Internal Server Error", "page 1");
        }

        var from = cursor?.Mark ?? DateTimeOffset.MinValue;
        var changed = _items.Values.Where(v => v.Partition == partition && v.InScope && v.Item.Updated >= from)
            .OrderBy(v => v.Item.Updated).ThenBy(v => v.Item.SourceId, StringComparer.Ordinal).Select(v => v.Item).ToList();
        var number = 0;
        foreach (var chunk in changed.Chunk(PageSize))
        {
            await Task.Yield();
            number++;
            if (number > FailAfterPages)
            {
                throw new SourceException(name, "HTTP 502 Bad Gateway", $"page {number}");
            }

            var (records, quarantined) = Read(chunk, partition, number);
            yield return new SourcePage(partition, number, records, quarantined, new SyncCursor(chunk.Max(i => i.Updated), chunk[^1].SourceId)) { SourceTime = InstanceNow?.Invoke() };
        }
    }

    public async IAsyncEnumerable<RereadBatch> RereadAsync(string partition, IReadOnlyList<string> ids, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        Reread.Add(ids);
        var found = ids.Where(id => _items.TryGetValue(id, out var v) && v.Partition == partition).ToList();
        var (records, quarantined) = Read(found.Select(id => _items[id].Item), partition, null);
        yield return new RereadBatch(records, quarantined, [.. ids.Except(found)]);
    }

    private (List<SourceRecord> Records, List<QuarantinedRecord> Quarantined) Read(IEnumerable<WorkItem> items, string partition, int? page)
    {
        var records = new List<SourceRecord>();
        var quarantined = new List<QuarantinedRecord>();
        foreach (var item in items)
        {
            var raw = "{\"id\":\"" + item.SourceId + "\"}";
            if (Unreadable.TryGetValue(item.SourceId, out var reason))
            {
                quarantined.Add(new QuarantinedRecord(name, partition, item.Key, item.SourceId, reason, raw) { Page = page });
            }
            else if (Garbled.TryGetValue(item.SourceId, out var field))
            {
                records.Add(new SourceRecord(item with { Title = item.Title + " \uFFFD" }, raw) { Replaced = [new ReplacedText(field, "bytes that are not UTF-8", page)] });
            }
            else
            {
                records.Add(new SourceRecord(item, raw));
            }
        }

        return (records, quarantined);
    }

    public async IAsyncEnumerable<IReadOnlyList<ScopeEntry>> ListScopeAsync(string partition, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return _items.Values.Where(v => v.Partition == partition && v.InScope).Select(v => new ScopeEntry(v.Item.SourceId, v.Item.Key)).ToList();
    }

    public Task<IReadOnlyDictionary<string, RemovalReason>> ClassifyMissingAsync(string partition, IReadOnlyList<string> sourceIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, RemovalReason>>(sourceIds.Where(_items.ContainsKey).ToDictionary(id => id, _ => RemovalReason.OutOfScope));

    /// <summary>The "audited" partition records deletions: those since the mark less the overlap (a deletion without a time, always).</summary>
    public async IAsyncEnumerable<DeletionBatch> ReadDeletionsAsync(string partition, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        DeletionsAskedSince.Add(since);
        if (partition == "audited")
        {
            var recorded = _deleted.Where(d => d.At is null || d.At >= since - Overlap).ToList();
            yield return new DeletionBatch([.. recorded.Select(d => d.SourceId)], recorded.Max(d => d.At));
        }
    }

    public Task<IReadOnlyList<Diagnostic>> ValidateOnlineAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Diagnostic>>([]);

    public void MoveOutOfScope(string sourceId) => _items[sourceId] = _items[sourceId] with { InScope = false };

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
