using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store;

/// <summary>
/// Role: reading stored items, their raw records, the quarantine and the sync cursors. Every read
/// sees every commit that completed before it began.
/// </summary>
public interface IItemReader
{
    /// <summary>
    /// Finds an item by <c>source:KEY</c>, by a bare key when only one source has it, by a key it had
    /// before it moved (any case), or by its uid. Null when nothing is named so.
    /// </summary>
    /// <exception cref="Domain.Errors.StrategyLayerException">Of kind Usage: a bare key that items of several sources carry (the message names them).</exception>
    Task<WorkItem?> FindItemAsync(string idOrKey, CancellationToken cancellationToken);

    /// <summary>
    /// The items the query selects, each once, ordered by <see cref="WorkItem.Uid"/> compared
    /// ordinally (a logical order every engine serves from its key, so that listings and snapshot rows
    /// are the same on every engine; no storage order is promised). Streamed: memory stays bounded
    /// however many items there are, and the caller may write to the store between two items.
    /// </summary>
    IAsyncEnumerable<WorkItem> ItemsAsync(ItemQuery? query, CancellationToken cancellationToken);

    /// <summary>How many items a source (or every source) holds; removed ones only when asked.</summary>
    Task<int> CountItemsAsync(string? source, bool includeRemoved, CancellationToken cancellationToken);

    /// <summary>The raw JSON an item was last built from, exactly as the source sent it; null for an unknown uid.</summary>
    Task<string?> GetRawAsync(string uid, CancellationToken cancellationToken);

    /// <summary>
    /// Quarantined records (never stored as items) of one source (or all): one per record, the latest
    /// reason and raw JSON, the page it last came on (kept when a read by id brings it back without
    /// one) and <see cref="QuarantinedRecord.Since"/>, when it was first quarantined.
    /// </summary>
    Task<IReadOnlyList<QuarantinedRecord>> QuarantinedAsync(string? source, CancellationToken cancellationToken);

    /// <summary>Items stored with text replaced by U+FFFD, with the fields, their pages and since when; all sources when null.</summary>
    Task<IReadOnlyList<ReplacedTextItem>> ReplacedTextAsync(string? source, CancellationToken cancellationToken);

    /// <summary>
    /// The first time each stored item's dependencies ("is blocked by" links) were seen, kept by the
    /// commits of every sync: a link keeps its first sighting (the earlier of the commit that first
    /// brought it and the item's update that carried it) while the item carries it, and is forgotten
    /// when a newer copy of the item no longer does. Reports age blockers from it. In no promised order.
    /// </summary>
    IAsyncEnumerable<LinkSighting> LinkHistoryAsync(CancellationToken cancellationToken);

    /// <summary>Every stored cursor with the time of its last commit, ordered by source then partition (ordinal).</summary>
    Task<IReadOnlyList<CursorRecord>> CursorsAsync(CancellationToken cancellationToken);
}
