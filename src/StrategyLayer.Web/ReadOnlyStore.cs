using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Store;

namespace StrategyLayer.Web;

/// <summary>
/// The store as the web view sees it: every read passes through, no write reaches the store. The
/// report builder saves a period's snapshot after computing it; here that save is dropped (the
/// scheduler's report run owns snapshots), and any other write is a bug that fails loudly.
/// Disposing does nothing: the caller opened the store and closes it.
/// </summary>
internal sealed class ReadOnlyStore(IStrategyStore inner) : IStrategyStore
{
    public string Path => inner.Path;

    public IReadOnlyDictionary<string, ItemState> LoadItemStates(string source) => inner.LoadItemStates(source);

    public PageCommit CommitPage(string source, string partition, IReadOnlyList<SourceRecord> records, IReadOnlyList<QuarantinedRecord> quarantined, string? cursor, IDictionary<string, ItemState>? states = null, bool cursorOnlyIfChanged = false) =>
        throw Refused(nameof(CommitPage));

    public PageCommit CommitPrepared(string source, string partition, IReadOnlyList<PreparedRecord> records, IReadOnlyList<QuarantinedRecord> quarantined, string? cursor, IDictionary<string, ItemState>? states = null, bool cursorOnlyIfChanged = false) =>
        throw Refused(nameof(CommitPrepared));

    public PreparedRecord Prepare(SourceRecord record, IReadOnlyDictionary<string, ItemState>? known = null) => throw Refused(nameof(Prepare));

    public WorkItem? FindItem(string idOrKey) => inner.FindItem(idOrKey) is { } item ? StoredItems.Fill(item) : null;

    public IEnumerable<WorkItem> Items(ItemQuery? query = null) => inner.Items(query).Select(StoredItems.Fill);

    public IEnumerable<MappedItem> MappedItems() => inner.MappedItems().Select(m => m with { Item = StoredItems.Fill(m.Item) });

    public int CountItems(string? source = null, bool includeRemoved = false) => inner.CountItems(source, includeRemoved);

    public string? GetRaw(string uid) => inner.GetRaw(uid);

    public IReadOnlyList<ScopeKey> ItemKeys(string source, string? partition = null) => inner.ItemKeys(source, partition);

    public int MarkRemoved(IReadOnlyList<(string Uid, Removal Removal)> removals) => throw Refused(nameof(MarkRemoved));

    public IReadOnlyList<QuarantinedRecord> Quarantined(string? source = null) => inner.Quarantined(source);

    public IReadOnlyList<ReplacedTextItem> ReplacedText(string? source = null) => inner.ReplacedText(source);

    public IReadOnlyList<string> FlaggedIds(string source, string partition) => inner.FlaggedIds(source, partition);

    public int ClearDataQuality(string source, string partition, IReadOnlyList<string> ids) => throw Refused(nameof(ClearDataQuality));

    public string? GetCursor(string source, string partition) => inner.GetCursor(source, partition);

    public IReadOnlyList<CursorRecord> Cursors() => inner.Cursors();

    public IReadOnlyDictionary<string, ItemMapping> LoadMappings() => inner.LoadMappings();

    public IEnumerable<LinkSighting> LinkHistory() => inner.LinkHistory();

    public int SaveMappings(IReadOnlyList<ItemMapping> changed, IReadOnlyList<string> dropped) => throw Refused(nameof(SaveMappings));

    public string? GetMeta(string key) => inner.GetMeta(key);

    public void SetMeta(string key, string value) => throw Refused(nameof(SetMeta));

    // A live view computes the running period's figures; saving them is the report run's job.
    public void SaveSnapshot(Snapshot snapshot)
    {
    }

    public Snapshot? GetSnapshot(string period) => inner.GetSnapshot(period);

    public IReadOnlyList<string> SnapshotPeriods() => inner.SnapshotPeriods();

    public void SaveRun(RunRecord run) => throw Refused(nameof(SaveRun));

    public IReadOnlyList<RunRecord> RecentRuns(int count, string? job = null) => inner.RecentRuns(count, job);

    public void SaveDelivery(Delivery delivery) => throw Refused(nameof(SaveDelivery));

    public Delivery? GetDelivery(string id) => inner.GetDelivery(id);

    public IReadOnlyList<Delivery> Outbox(DeliveryState? state = null) => inner.Outbox(state);

    public void Dispose()
    {
    }

    private static InvalidOperationException Refused(string operation) =>
        new($"The web view is read-only: {operation} is not allowed.");
}
