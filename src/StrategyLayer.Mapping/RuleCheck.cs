using StrategyLayer.Mapping.Query;

namespace StrategyLayer.Mapping;

/// <summary>One rule tried against one item: whether it matched, and if not, where it failed.</summary>
public sealed record RuleCheck(string Rule, string Measure, bool Matched, ClauseFailure? FailedAt);
