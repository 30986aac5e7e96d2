namespace StrategyLayer.Application;

/// <summary>
/// Which items a list shows (the web view's lists, <c>items</c>, a holder's reads): all optional;
/// <see cref="Untracked"/> true lists only untracked items, false only tracked ones;
/// <see cref="Query"/> is in the rule language. Removed items are listed only when asked for.
/// </summary>
public sealed record ItemFilter(string? Team = null, string? Measure = null, bool? Untracked = null, string? Query = null)
{
    public bool IncludeRemoved { get; init; }

    /// <summary>The filter of <c>items [--untracked] [--measure …] [--team …] [--query …]</c>: <c>--untracked</c> lists only untracked items, without it every item.</summary>
    public static ItemFilter Listing(bool untrackedOnly, string? measure, string? team, string? query) => new(team, measure, untrackedOnly ? true : null, query);
}
