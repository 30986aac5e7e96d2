namespace StrategyLayer.Application;

/// <summary>
/// What one pass over the store leaves behind for unfiltered lists: every live item's uid and team,
/// in store order (a few dozen bytes an item), and how many items each team stores (for the team
/// picker). A list without a query pages over this and reads only the items of its page. Coverage
/// figures are not counted here: they come from the report model.
/// </summary>
internal sealed record StoreIndex(IReadOnlyList<IndexEntry> Entries, IReadOnlyDictionary<string, int> TeamItems);

internal readonly record struct IndexEntry(string Uid, string? Team);
