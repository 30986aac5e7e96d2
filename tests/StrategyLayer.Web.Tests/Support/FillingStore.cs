using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Store;

namespace StrategyLayer.Web.Tests.Support;

/// <summary>The store with item reads filled (see <see cref="StoredItems"/>), so the seeding map run sees empty lists, not nulls.</summary>
internal sealed class FillingStore(IStrategyStore inner) : IStrategyStore
{
    public string Path => inner.Path;

    public IReadOnlyDictionary<string, ItemState> LoadItemStates(string source) => inner.LoadItemStates(source);

    public PageCommit CommitPage(string source, string partition, IReadOnlyList<SourceRecord> records, IReadOnlyList<QuarantinedRecord> quarantined, string? cursor, IDictionary<string, ItemState>? states = null, bool cursorOnlyIfChanged = false) =>
        inner.CommitPage(source, partition, records, quarantined, cursor, states, cursorOnlyIfChanged);

    public PageCommit CommitPrepared(string source, string partition, IReadOnlyList<PreparedRecord> records, IReadOnlyList<QuarantinedRecord> quarantined, string? cursor, IDictionary<string, ItemState>? states = null, bool cursorOnlyIfChanged = false) =>
        inner.CommitPrepared(source, partition, records, quarantined, cursor, states, cursorOnlyIfChanged);

    public PreparedRecord Prepare(SourceRecord record, IReadOnlyDictionary<string, ItemState>? known = null) => inner.Prepare(record, known);

    public WorkItem? FindItem(string idOrKey) => inner.FindItem(idOrKey) is { } item ? StoredItems.Fill(item) : null;

    public IEnumerable<WorkItem> Items(ItemQuery? query = null) => inner.Items(query).Select(StoredItems.Fill);

    public int CountItems(string? source = null, bool includeRemoved = false) => inner.CountItems(source, includeRemoved);

    public string? GetRaw(string uid) => inner.GetRaw(uid);

    public IReadOnlyList<ScopeKey> ItemKeys(string source, string? partition = null) => inner.ItemKeys(source, partition);

    public int MarkRemoved(IReadOnlyList<(string Uid, Removal Removal)> removals) => inner.MarkRemoved(removals);

    public IReadOnlyList<QuarantinedRecord> Quarantined(string? source = null) => inner.Quarantined(source);

    public IReadOnlyList<ReplacedTextItem> ReplacedText(string? source = null) => inner.ReplacedText(source);

    public IReadOnlyList<string> FlaggedIds(string source, string partition) => inner.FlaggedIds(source, partition);

    public int ClearDataQuality(string source, string partition, IReadOnlyList<string> ids) => inner.ClearDataQuality(source, partition, ids);

    public string? GetCursor(string source, string partition) => inner.GetCursor(source, partition);

    public IReadOnlyList<CursorRecord> Cursors() => inner.Cursors();

    public IReadOnlyDictionary<string, ItemMapping> LoadMappings() => inner.LoadMappings();

    public int SaveMappings(IReadOnlyList<ItemMapping> changed, IReadOnlyList<string> dropped) => inner.SaveMappings(changed, dropped);

    public string? GetMeta(string key) => inner.GetMeta(key);

    public void SetMeta(string key, string value) => inner.SetMeta(key, value);

    public void SaveSnapshot(Snapshot snapshot) => inner.SaveSnapshot(snapshot);

    public Snapshot? GetSnapshot(string period) => inner.GetSnapshot(period);

    public IReadOnlyList<string> SnapshotPeriods() => inner.SnapshotPeriods();

    public void SaveRun(RunRecord run) => inner.SaveRun(run);

    public IReadOnlyList<RunRecord> RecentRuns(int count, string? job = null) => inner.RecentRuns(count, job);

    public void SaveDelivery(Delivery delivery) => inner.SaveDelivery(delivery);

    public Delivery? GetDelivery(string id) => inner.GetDelivery(id);

    public IReadOnlyList<Delivery> Outbox(DeliveryState? state = null) => inner.Outbox(state);

    public void Dispose()
    {
    }
}
