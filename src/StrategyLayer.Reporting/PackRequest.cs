using StrategyLayer.Domain.Reporting;

namespace StrategyLayer.Reporting;

/// <summary>
/// What the <c>report</c> verb asks for: a period, where to write, and optionally one template
/// and one team. With no template: <c>portfolio-pack</c>, <c>untracked</c> and one
/// <c>delivery-lead</c> per team. <see cref="AsOf"/> defaults to now.
/// </summary>
public sealed record PackRequest(
    ReportingPeriod Period,
    string OutFolder,
    DateTimeOffset? AsOf = null,
    string? Template = null,
    string? Team = null,
    IReadOnlyList<RuleSuggestion>? Suggestions = null);
