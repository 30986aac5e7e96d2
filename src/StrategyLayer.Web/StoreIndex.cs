namespace StrategyLayer.Web;

/// <summary>
/// What one pass over the store leaves behind for unfiltered lists: every live item's uid and team,
/// in store order (a few dozen bytes an item), and the team counts. A list without a query pages
/// over this and reads only the items of its page.
/// </summary>
internal sealed record StoreIndex(IReadOnlyList<IndexEntry> Entries, IReadOnlyList<TeamSummary> Teams);

internal readonly record struct IndexEntry(string Uid, string? Team);
