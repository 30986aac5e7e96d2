namespace StrategyLayer.Domain.Reporting;

/// <summary>
/// A period's frozen (or, while the period runs, provisional) figures. <see cref="AggregatesJson"/>
/// holds the per-measure figures a pack and the next period's "what changed" need;
/// <see cref="ItemRows"/> the per-item rows, compressed.
/// </summary>
public sealed record Snapshot(
    string Period,
    SnapshotState State,
    DateTimeOffset BuiltAt,
    DateTimeOffset AsOf,
    string AggregatesJson,
    byte[] ItemRows);

public enum SnapshotState
{
    Provisional,
    Frozen,
}
