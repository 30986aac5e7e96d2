using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store;

/// <summary>
/// One source being synced (see <see cref="IItemSync.BeginSyncAsync"/>). Its commits are made one at
/// a time: the caller awaits each before the next; <see cref="Prepare"/> may run on any thread meanwhile.
/// </summary>
/// <remarks>
/// <para>
/// The rules every engine keeps: a batch is committed whole with its cursor, or not at all (the
/// cursor never moves past a record that is not stored); an item is stored under its uid, and the key
/// it had before it moved keeps finding it; an incoming item with the same content as the stored one
/// costs no write; one older than the stored one (by <see cref="WorkItem.Updated"/>) is refused as
/// stale; a quarantined record replaces its earlier entry (keeping since when it is quarantined); a
/// record stored with replaced text (<see cref="SourceRecord.Replaced"/>) is marked so, changed or not,
/// and leaves the quarantine; an item marked removed comes back (un-removed) the next time the source
/// sends it, changed or not.
/// </para>
/// <para>
/// Durability: once <see cref="CommitAsync"/> has completed, the batch and its cursor survive the
/// process being killed. What survives a power loss or an operating-system crash is the engine's to
/// state (see the README's "Durability" section).
/// </para>
/// </remarks>
public interface ISourceSync : IAsyncDisposable
{
    /// <summary>The source this sync writes.</summary>
    string Source { get; }

    /// <summary>
    /// About how many records a commit should carry on this engine (a commit has a fixed cost): the
    /// sync fills batches of this size. Any size is correct; this one is the engine's cheapest.
    /// </summary>
    int BatchSize { get; }

    /// <summary>
    /// Does the work a commit needs done before it (serializing, hashing, compressing what will likely be
    /// written) without touching the store: safe on any thread, also while a commit of this sync runs.
    /// Only <see cref="CommitAsync"/> of this same sync reads the result.
    /// </summary>
    PreparedBatch Prepare(IReadOnlyList<SourceRecord> records, IReadOnlyList<QuarantinedRecord> quarantined);

    /// <summary>
    /// Commits a prepared batch and the partition's cursor atomically (see the remarks on this
    /// interface). A null <paramref name="cursor"/> leaves the stored one as it is.
    /// </summary>
    /// <exception cref="Domain.Errors.StrategyLayerException">An item of another source is in the batch; nothing of the batch is stored.</exception>
    Task<PageCommit> CommitAsync(string partition, PreparedBatch batch, string? cursor, CursorWrite cursorWrite, CancellationToken cancellationToken);

    /// <summary>The partition's stored cursor, or null before its first commit.</summary>
    Task<string?> GetCursorAsync(string partition, CancellationToken cancellationToken);

    /// <summary>Every stored, not removed, item of this source (of one partition when given), in no promised order.</summary>
    Task<IReadOnlyList<ScopeKey>> ItemKeysAsync(string? partition, CancellationToken cancellationToken);

    /// <summary>
    /// The ids (source id, or key where a quarantined record had none) of a partition's quarantined
    /// records and of its items stored with replaced text: what a sync reads again by id.
    /// </summary>
    Task<IReadOnlyList<string>> FlaggedIdsAsync(string partition, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets the quarantine entries and replaced-text marks of these ids (source ids or keys): their
    /// records now read cleanly, or are gone upstream. Returns how many entries were forgotten.
    /// </summary>
    Task<int> ClearDataQualityAsync(string partition, IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Brings in when dependencies of this source's stored items were first seen, as another store
    /// recorded it (a copy between stores keeps blocker ages). Each sighting keeps the earlier of its
    /// stored and the given first-seen time (a link already seen earlier stays so); one of a link not
    /// yet in the history is added. A sighting of an item this store does not hold, or of another
    /// source, is ignored. All of it is committed, or none. Returns how many sightings were added or
    /// moved earlier.
    /// </summary>
    /// <remarks>
    /// Only a copy needs this: a sync dates links itself. A sighting of a link the stored item no longer
    /// carries is forgotten at the item's next write, as any other.
    /// </remarks>
    Task<int> ImportLinkHistoryAsync(IReadOnlyList<LinkSighting> sightings, CancellationToken cancellationToken);

    /// <summary>
    /// Brings in the dates another store kept of this source's data quality and cursors (a copy between
    /// stores keeps them): since when each quarantined record is quarantined
    /// (<see cref="QuarantinedRecord.Since"/>) and each item is stored with replaced text, and when each
    /// partition's cursor was last committed (what freshness and <c>status</c> show). Each keeps the
    /// earlier of the stored and the given date; an entry this store does not hold, one of another
    /// source, or one without a date is ignored. All of it is committed, or none. Returns how many
    /// dates moved earlier.
    /// </summary>
    Task<int> ImportDatesAsync(IReadOnlyList<QuarantinedRecord> quarantined, IReadOnlyList<ReplacedTextItem> replaced, IReadOnlyList<CursorRecord> cursors, CancellationToken cancellationToken);

    /// <summary>
    /// Marks items of this source removed upstream (kept, flagged with the reason); an unknown source id
    /// is ignored, and an item already removed for the same reason is left alone. Returns how many changed.
    /// </summary>
    Task<int> MarkRemovedAsync(IReadOnlyList<ItemRemoval> removals, CancellationToken cancellationToken);
}
