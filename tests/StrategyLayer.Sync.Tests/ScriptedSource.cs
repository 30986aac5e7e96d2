using System.Runtime.CompilerServices;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Sync.Tests;

/// <summary>
/// A hand-written source over an in-memory list of items: pages them oldest change first from a
/// cursor, like a real connector, and lets a test delete items, move them out of scope or fail a
/// partition. It records the cursors it was asked from.
/// </summary>
public sealed class ScriptedSource(string name, params string[] partitions) : IWorkSource
{
    private readonly Dictionary<string, (WorkItem Item, string Partition, bool InScope)> _items = [];

    public string Name => name;

    public IReadOnlyList<string> Partitions => partitions.Length == 0 ? [""] : partitions;

    public int PageSize { get; set; } = 3;

    public List<string> Deleted { get; } = [];

    public HashSet<string> FailingPartitions { get; } = [];

    public List<SyncCursor?> CursorsAsked { get; } = [];

    /// <summary>When set, the page after this many fails (HTTP 502), as a source going down mid-sync.</summary>
    public int? FailAfterPages { get; set; }

    public void Put(WorkItem item, string partition = "", bool inScope = true) => _items[item.SourceId] = (item, partition, inScope);

    public void Delete(string sourceId)
    {
        _items.Remove(sourceId);
        Deleted.Add(sourceId);
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

            var records = chunk.Select(i => new SourceRecord(i, "{\"id\":\"" + i.SourceId + "\"}")).ToList();
            yield return new SourcePage(partition, number, records, [], new SyncCursor(chunk.Max(i => i.Updated), chunk[^1].SourceId));
        }
    }

    public async IAsyncEnumerable<IReadOnlyList<ScopeEntry>> ListScopeAsync(string partition, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return _items.Values.Where(v => v.Partition == partition && v.InScope).Select(v => new ScopeEntry(v.Item.SourceId, v.Item.Key)).ToList();
    }

    public Task<IReadOnlyDictionary<string, RemovalReason>> ClassifyMissingAsync(string partition, IReadOnlyList<string> sourceIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, RemovalReason>>(sourceIds.Where(_items.ContainsKey).ToDictionary(id => id, _ => RemovalReason.OutOfScope));

    public async IAsyncEnumerable<DeletionBatch> ReadDeletionsAsync(string partition, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (partition == "audited")
        {
            yield return new DeletionBatch(Deleted.ToList(), null);
        }
    }

    public async IAsyncEnumerable<RereadBatch> RereadAsync(string partition, IReadOnlyList<string> ids, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        Reread.Add(ids);
        var found = ids.Where(id => _items.TryGetValue(id, out var v) && v.Partition == partition).ToList();
        yield return new RereadBatch([.. found.Select(id => new SourceRecord(_items[id].Item, "{\"id\":\"" + id + "\"}"))], [], [.. ids.Except(found)]);
    }

    /// <summary>The ids each <see cref="RereadAsync"/> was asked for.</summary>
    public List<IReadOnlyList<string>> Reread { get; } = [];

    public Task<IReadOnlyList<Diagnostic>> ValidateOnlineAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Diagnostic>>([]);

    public void MoveOutOfScope(string sourceId) => _items[sourceId] = _items[sourceId] with { InScope = false };

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
