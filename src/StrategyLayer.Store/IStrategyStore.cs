using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Runs;

namespace StrategyLayer.Store;

/// <summary>
/// What the stages need from the store. One writer at a time (the holder of the lock file).
/// Synchronous on purpose: the embedded engine is, and Task wrappers would only add cost.
/// A server engine can implement the same contract later.
/// </summary>
public interface IStrategyStore : IDisposable
{
    /// <summary>The store file's path.</summary>
    string Path { get; }

    // ---- items ----

    /// <summary>Uid → (content hash, updated) for one source: what a sync compares before writing.</summary>
    IReadOnlyDictionary<string, ItemState> LoadItemStates(string source);

    /// <summary>
    /// Commits one page atomically: changed items (and their raw JSON), quarantined records, and the
    /// partition's cursor. Unchanged items cost a hash comparison, no write. A copy older than the
    /// stored one never overwrites it. With <paramref name="cursorOnlyIfChanged"/>, a page that
    /// changes nothing leaves the stored cursor as it was (no disk write at all: a re-read costs only
    /// reads); the caller then writes the last cursor once, at the end. <paramref name="states"/>, when
    /// given, must hold every stored item of the source (as <see cref="LoadItemStates"/> returns them):
    /// an item it does not hold is taken for new and inserted; without it each item is looked up.
    /// </summary>
    PageCommit CommitPage(string source, string partition, IReadOnlyList<SourceRecord> records, IReadOnlyList<QuarantinedRecord> quarantined, string? cursor, IDictionary<string, ItemState>? states = null, bool cursorOnlyIfChanged = false);

    /// <summary>The same commit for records already prepared (by <see cref="Prepare"/>, on another thread).</summary>
    PageCommit CommitPrepared(string source, string partition, IReadOnlyList<PreparedRecord> records, IReadOnlyList<QuarantinedRecord> quarantined, string? cursor, IDictionary<string, ItemState>? states = null, bool cursorOnlyIfChanged = false);

    /// <summary>
    /// Serializes and hashes a record as a commit would and, given the states <paramref name="known"/>
    /// when the sync began, compresses its raw JSON when those do not hold the same hash (it will
    /// likely be written). Touches no file: safe on any thread.
    /// </summary>
    PreparedRecord Prepare(SourceRecord record, IReadOnlyDictionary<string, ItemState>? known = null);

    /// <summary>Finds by <c>source:KEY</c>, a bare key when unambiguous, an old key, or a uid.</summary>
    WorkItem? FindItem(string idOrKey);

    /// <summary>All items (removed ones too), streamed in uid order.</summary>
    IEnumerable<WorkItem> Items(ItemQuery? query = null);

    int CountItems(string? source = null, bool includeRemoved = false);

    /// <summary>The raw JSON an item was built from.</summary>
    string? GetRaw(string uid);

    /// <summary>Uid and key of every stored, not removed, item of a source (and partition).</summary>
    IReadOnlyList<ScopeKey> ItemKeys(string source, string? partition = null);

    /// <summary>Marks items removed upstream (kept, flagged); returns how many changed.</summary>
    int MarkRemoved(IReadOnlyList<(string Uid, Removal Removal)> removals);

    /// <summary>Records quarantined (never stored as items), with their page and since when; all sources when null.</summary>
    IReadOnlyList<QuarantinedRecord> Quarantined(string? source = null);

    /// <summary>Items stored with text replaced by U+FFFD, with the fields and pages; all sources when null.</summary>
    IReadOnlyList<ReplacedTextItem> ReplacedText(string? source = null);

    /// <summary>
    /// The ids (source id, or key where a quarantined record had none) of a partition's quarantined
    /// records and of its items stored with replaced text: what a sync reads again by id.
    /// </summary>
    IReadOnlyList<string> FlaggedIds(string source, string partition);

    /// <summary>
    /// Forgets the quarantine entries and replaced-text marks of these ids (source ids or keys): their
    /// records now read cleanly, or are gone upstream. Returns how many entries were forgotten.
    /// </summary>
    int ClearDataQuality(string source, string partition, IReadOnlyList<string> ids);

    // ---- cursors ----

    string? GetCursor(string source, string partition);

    IReadOnlyList<CursorRecord> Cursors();

    // ---- mappings ----

    IReadOnlyDictionary<string, ItemMapping> LoadMappings();

    /// <summary>
    /// Every item (removed ones too) with its mapping, streamed in uid order: what a report reads, in
    /// one pass. The default loads the mappings whole; an engine can stream both side by side.
    /// </summary>
    IEnumerable<MappedItem> MappedItems()
    {
        var mappings = LoadMappings();
        foreach (var item in Items())
        {
            yield return new MappedItem(item, mappings.TryGetValue(item.Uid, out var mapping) ? mapping : null);
        }
    }

    // ---- link history ----

    /// <summary>
    /// The first time each stored item's dependencies ("is blocked by" links) were seen, kept by the
    /// commits of every sync: a link keeps its first sighting while the item carries it, and is
    /// forgotten when a newer copy of the item no longer does. Reports age blockers from it. An
    /// engine that keeps no link history returns none (ages then run from the item's last update).
    /// </summary>
    IEnumerable<LinkSighting> LinkHistory() => [];

    /// <summary>Writes the mappings that changed and drops those of the given uids; returns writes.</summary>
    int SaveMappings(IReadOnlyList<ItemMapping> changed, IReadOnlyList<string> dropped);

    // ---- small named values (rules hash, last full sync, …) ----

    string? GetMeta(string key);

    void SetMeta(string key, string value);

    // ---- snapshots ----

    void SaveSnapshot(Snapshot snapshot);

    Snapshot? GetSnapshot(string period);

    IReadOnlyList<string> SnapshotPeriods();

    // ---- runs ----

    void SaveRun(RunRecord run);

    IReadOnlyList<RunRecord> RecentRuns(int count, string? job = null);

    // ---- outbox ----

    void SaveDelivery(Delivery delivery);

    Delivery? GetDelivery(string id);

    IReadOnlyList<Delivery> Outbox(DeliveryState? state = null);
}

/// <summary>What a sync compares: the content hash and the source's updated time (UTC ticks).</summary>
public readonly record struct ItemState(long Hash, long UpdatedTicks);

public sealed record PageCommit(int Upserted, int Unchanged, int Stale, int Quarantined)
{
    /// <summary>False when the page changed nothing and the cursor was left for the caller to write later.</summary>
    public bool CursorWritten { get; init; } = true;
}

public sealed record ScopeKey(string Uid, string SourceId, string Key, string? Partition);

public sealed record CursorRecord(string Source, string Partition, string? Cursor, DateTimeOffset? LastCommit);

/// <summary>Filters the CLI's item queries use (all optional; indexes serve them).</summary>
public sealed record ItemQuery
{
    public string? Source { get; init; }
    public string? Team { get; init; }
    public bool IncludeRemoved { get; init; } = true;
}
