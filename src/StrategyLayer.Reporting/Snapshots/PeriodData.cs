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
    bool FromFrozenSnapshot)
{
    /// <summary>The previous period's aggregates (null when it has no snapshot), read once per period.</summary>
    public PeriodAggregates? Previous { get; init; }

    /// <summary><c>provisional</c> or <c>frozen</c>: the state of the previous period's snapshot.</summary>
    public string? PreviousState { get; init; }
}
