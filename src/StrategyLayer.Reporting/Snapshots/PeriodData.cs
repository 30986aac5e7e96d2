using StrategyLayer.Domain.Reporting;

namespace StrategyLayer.Reporting.Snapshots;

/// <summary>
/// A period's figures and compressed item rows, either just computed from the store (and saved
/// as the period's snapshot) or read back from a frozen snapshot. Every pack of the period is
/// built from this, so a frozen period renders the same pack however often it is rebuilt.
/// </summary>
public sealed record PeriodData(
    ReportingPeriod Period,
    SnapshotState State,
    DateTimeOffset AsOf,
    PeriodAggregates Aggregates,
    byte[] ItemRows,
    bool FromFrozenSnapshot);
