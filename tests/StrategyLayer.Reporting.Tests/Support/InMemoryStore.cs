using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Store;

namespace StrategyLayer.Reporting.Tests.Support;

/// <summary>
/// A hand-written store double holding what reporting reads (items, mappings, cursors, runs,
/// quarantine, snapshots) in memory; the write paths reporting never uses are not supported.
/// </summary>
internal sealed class InMemoryStore : IStrategyStore
{
    private readonly SortedDictionary<string, WorkItem> items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemMapping> mappings = [];
    private readonly Dictionary<string, Snapshot> snapshots = [];

    public string Path => "memory";

    public List<CursorRecord> CursorList { get; } = [];

    public List<RunRecord> Runs { get; } = [];

    public List<QuarantinedRecord> QuarantineList { get; } = [];

    public int SnapshotWrites { get; private set; }

    private readonly Dictionary<(string Uid, string Key), DateTimeOffset> linkSeen = [];

    /// <summary>Stores the item as a sync's commit would: its dependencies keep their first sighting (here the item's update) and those it dropped are forgotten.</summary>
    public void Put(WorkItem item, ItemMapping? mapping)
    {
        items[item.Uid] = item;
        var current = (item.Links ?? []).Where(l => l.IsBlockedBy).Select(l => l.TargetKey).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var gone in linkSeen.Keys.Where(k => k.Uid == item.Uid && !current.Contains(k.Key)).ToList())
        {
            linkSeen.Remove(gone);
        }

        foreach (var key in current)
        {
            linkSeen.TryAdd((item.Uid, key), item.Updated);
        }
        if (mapping is not null)
        {
            mappings[item.Uid] = mapping with { Uid = item.Uid };
        }
    }

    public IEnumerable<WorkItem> Items(ItemQuery? query = null) => items.Values.ToList();

    /// <summary>Says a dependency was first seen at <paramref name="at"/> (an earlier sync saw it).</summary>
    public void SawLink(WorkItem item, string targetKey, DateTimeOffset at) => linkSeen[(item.Uid, targetKey)] = at;

    public IEnumerable<LinkSighting> LinkHistory() => linkSeen.Select(l => new LinkSighting(l.Key.Uid, l.Key.Key, l.Value)).ToList();

    public WorkItem? FindItem(string idOrKey)
    {
        var (source, key) = ItemId.Parse(idOrKey);
        return items.Values.FirstOrDefault(i =>
            (source is null || i.Source == source) && string.Equals(i.Key, key, StringComparison.OrdinalIgnoreCase));
    }

    public int CountItems(string? source = null, bool includeRemoved = false) => items.Count;

    public IReadOnlyDictionary<string, ItemMapping> LoadMappings() => new Dictionary<string, ItemMapping>(mappings);

    public IReadOnlyList<QuarantinedRecord> Quarantined(string? source = null) =>
        QuarantineList.Where(q => source is null || q.Source == source).ToList();

    public IReadOnlyList<ReplacedTextItem> ReplacedText(string? source = null) => [];

    public IReadOnlyList<string> FlaggedIds(string source, string partition) => [];

    public int ClearDataQuality(string source, string partition, IReadOnlyList<string> ids) => throw new NotSupportedException();

    public IReadOnlyList<CursorRecord> Cursors() => CursorList;

    public IReadOnlyList<RunRecord> RecentRuns(int count, string? job = null) =>
        Runs.Where(r => job is null || r.Job == job).OrderByDescending(r => r.Started).Take(count).ToList();

    public void SaveSnapshot(Snapshot snapshot)
    {
        SnapshotWrites++;
        snapshots[snapshot.Period] = snapshot;
    }

    public Snapshot? GetSnapshot(string period) => snapshots.GetValueOrDefault(period);

    public IReadOnlyList<string> SnapshotPeriods() => [.. snapshots.Keys.Order(StringComparer.Ordinal)];

    public void Dispose()
    {
    }

    public IReadOnlyDictionary<string, ItemState> LoadItemStates(string source) => throw new NotSupportedException();

    public PageCommit CommitPage(string source, string partition, IReadOnlyList<SourceRecord> records, IReadOnlyList<QuarantinedRecord> quarantined, string? cursor, IDictionary<string, ItemState>? states = null, bool cursorOnlyIfChanged = false) => throw new NotSupportedException();

    public PageCommit CommitPrepared(string source, string partition, IReadOnlyList<PreparedRecord> records, IReadOnlyList<QuarantinedRecord> quarantined, string? cursor, IDictionary<string, ItemState>? states = null, bool cursorOnlyIfChanged = false) => throw new NotSupportedException();

    public PreparedRecord Prepare(SourceRecord record, IReadOnlyDictionary<string, ItemState>? known = null) => throw new NotSupportedException();

    public string? GetRaw(string uid) => throw new NotSupportedException();

    public IReadOnlyList<ScopeKey> ItemKeys(string source, string? partition = null) => throw new NotSupportedException();

    public int MarkRemoved(IReadOnlyList<(string Uid, Removal Removal)> removals) => throw new NotSupportedException();

    public string? GetCursor(string source, string partition) => throw new NotSupportedException();

    public int SaveMappings(IReadOnlyList<ItemMapping> changed, IReadOnlyList<string> dropped) => throw new NotSupportedException();

    public string? GetMeta(string key) => null;

    public void SetMeta(string key, string value) => throw new NotSupportedException();

    public void SaveRun(RunRecord run) => Runs.Add(run);

    public void SaveDelivery(Delivery delivery) => throw new NotSupportedException();

    public Delivery? GetDelivery(string id) => throw new NotSupportedException();

    public IReadOnlyList<Delivery> Outbox(DeliveryState? state = null) => throw new NotSupportedException();
}
