using StrategyLayer.Reporting.Model;

namespace StrategyLayer.Reporting.Snapshots;

/// <summary>
/// The per-period figures kept as JSON in a snapshot: enough to render the portfolio pack and to
/// say next period what changed, without the items.
/// </summary>
public sealed record PeriodAggregates
{
    public int Version { get; init; } = 1;
    public required string Period { get; init; }
    public required DateTimeOffset EvaluatedAt { get; init; }
    public required string Organization { get; init; }
    public double ElapsedPercent { get; init; }
    public required SummaryView Summary { get; init; }
    public IReadOnlyList<MeasureView> Measures { get; init; } = [];
    public IReadOnlyList<TreeRow> Tree { get; init; } = [];
    public IReadOnlyList<DecisionToMake> Decisions { get; init; } = [];
    public IReadOnlyList<BlockerView> Blockers { get; init; } = [];
    public IReadOnlyList<TeamUntrackedView> UntrackedByTeam { get; init; } = [];

    /// <summary>Every team with a stored item: in scope (mapped, untracked) and out of scope.</summary>
    public IReadOnlyList<TeamCoverageView> Teams { get; init; } = [];

    /// <summary>What in the data could not be fully used (capped; <see cref="SummaryView.DataQualityProblems"/> counts all).</summary>
    public IReadOnlyList<DataQualityEntry> DataQuality { get; init; } = [];
    public IReadOnlyList<ClusterView> Clusters { get; init; } = [];
    public IReadOnlyList<FreshnessView> Freshness { get; init; } = [];
    public IReadOnlyList<string> StatusRules { get; init; } = [];
}
