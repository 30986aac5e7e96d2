using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Store;

namespace StrategyLayer.Mapping.Tests.Support;

/// <summary>
/// A collecting fake of the store: items, mappings and meta in memory, counting mapping writes.
/// Only what mapping uses is implemented.
/// </summary>
internal sealed class MemoryStore : IStrategyStore
{
    private readonly SortedDictionary<string, WorkItem> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemMapping> _mappings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _meta = new(StringComparer.Ordinal);

    private readonly Func<IEnumerable<WorkItem>>? _generated;

    public MemoryStore(Func<IEnumerable<WorkItem>>? generated = null) => _generated = generated;

    public string Path => "memory";

    public int MappingWrites { get; private set; }

    public int ItemsRead { get; private set; }

    public void Put(params WorkItem[] items)
    {
        foreach (var item in items)
        {
            _items[item.Uid] = item;
        }
    }

    public IReadOnlyDictionary<string, ItemMapping> Mappings => _mappings;

    public IEnumerable<WorkItem> Items(ItemQuery? query = null)
    {
        foreach (var item in _generated?.Invoke() ?? _items.Values.ToList())
        {
            if (query?.Team is { } team && !string.Equals(item.Team, team, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (query is { IncludeRemoved: false } && item.Removed is not null)
            {
                continue;
            }

            ItemsRead++;
            yield return item;
        }
    }

    public WorkItem? FindItem(string idOrKey) =>
        _items.Values.FirstOrDefault(i => string.Equals(i.Id, idOrKey, StringComparison.OrdinalIgnoreCase) || string.Equals(i.Key, idOrKey, StringComparison.OrdinalIgnoreCase) || i.Uid == idOrKey);

    public IReadOnlyDictionary<string, ItemMapping> LoadMappings() => new Dictionary<string, ItemMapping>(_mappings);

    public int SaveMappings(IReadOnlyList<ItemMapping> changed, IReadOnlyList<string> dropped)
    {
        foreach (var m in changed)
        {
            _mappings[m.Uid] = m;
        }

        foreach (var uid in dropped)
        {
            _mappings.Remove(uid);
        }

        MappingWrites += changed.Count + dropped.Count;
        return changed.Count + dropped.Count;
    }

    public string? GetMeta(string key) => _meta.GetValueOrDefault(key);

    public void SetMeta(string key, string value) => _meta[key] = value;

    public void Dispose()
    {
    }

    public IReadOnlyDictionary<string, ItemState> LoadItemStates(string source) => throw new NotSupportedException();

    public PageCommit CommitPage(string source, string partition, IReadOnlyList<SourceRecord> records, IReadOnlyList<QuarantinedRecord> quarantined, string? cursor, IDictionary<string, ItemState>? states = null, bool cursorOnlyIfChanged = false) => throw new NotSupportedException();

    public PageCommit CommitPrepared(string source, string partition, IReadOnlyList<PreparedRecord> records, IReadOnlyList<QuarantinedRecord> quarantined, string? cursor, IDictionary<string, ItemState>? states = null, bool cursorOnlyIfChanged = false) => throw new NotSupportedException();

    public PreparedRecord Prepare(SourceRecord record, IReadOnlyDictionary<string, ItemState>? known = null) => throw new NotSupportedException();

    public int CountItems(string? source = null, bool includeRemoved = false) => _items.Count;

    public string? GetRaw(string uid) => null;

    public IReadOnlyList<ScopeKey> ItemKeys(string source, string? partition = null) => throw new NotSupportedException();

    public int MarkRemoved(IReadOnlyList<(string Uid, Removal Removal)> removals) => throw new NotSupportedException();

    public IReadOnlyList<QuarantinedRecord> Quarantined(string? source = null) => [];

    public IReadOnlyList<ReplacedTextItem> ReplacedText(string? source = null) => [];

    public IReadOnlyList<string> FlaggedIds(string source, string partition) => [];

    public int ClearDataQuality(string source, string partition, IReadOnlyList<string> ids) => throw new NotSupportedException();

    public string? GetCursor(string source, string partition) => null;

    public IReadOnlyList<CursorRecord> Cursors() => [];

    public void SaveSnapshot(Snapshot snapshot) => throw new NotSupportedException();

    public Snapshot? GetSnapshot(string period) => null;

    public IReadOnlyList<string> SnapshotPeriods() => [];

    public void SaveRun(RunRecord run) => throw new NotSupportedException();

    public IReadOnlyList<RunRecord> RecentRuns(int count, string? job = null) => [];

    public void SaveDelivery(Delivery delivery) => throw new NotSupportedException();

    public Delivery? GetDelivery(string id) => null;

    public IReadOnlyList<Delivery> Outbox(DeliveryState? state = null) => [];
}
