namespace StrategyLayer.Reporting.Model;

/// <summary>
/// Why a status is what it is: a sentence with counts and keys, the items behind it (capped),
/// how many more there are, and a link to all of them where the web view is configured.
/// </summary>
public sealed record StatusReason(string Level, string Text, IReadOnlyList<ItemRef> Items, int More = 0, string? MoreUrl = null);
