using StrategyLayer.Domain.Reporting;

namespace StrategyLayer.Application;

/// <summary>
/// Which packs to write: for a period, into a folder, one template (null: every one) for one team
/// (null: each), as <c>html</c>, <c>pdf</c> or <c>both</c>, with figures as of a time (null: now).
/// </summary>
public sealed record PackOrder(ReportingPeriod Period, string OutFolder, string? Template = null, string? Team = null, string Format = "both", DateTimeOffset? AsOf = null);
