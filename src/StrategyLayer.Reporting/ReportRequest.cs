namespace StrategyLayer.Reporting;

/// <summary>One pack to build. <see cref="AsOf"/> defaults to now (the builder's TimeProvider).</summary>
public sealed record ReportRequest(
    StrategyLayer.Domain.Reporting.ReportingPeriod Period,
    ReportScope Scope,
    DateTimeOffset? AsOf = null,
    IReadOnlyList<RuleSuggestion>? Suggestions = null);
