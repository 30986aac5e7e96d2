namespace StrategyLayer.Web;

/// <summary>Which items a list shows: all optional; <see cref="Query"/> is in the rule language.</summary>
public sealed record ItemFilter(string? Team = null, string? Measure = null, bool? Untracked = null, string? Query = null);
