namespace StrategyLayer.Reporting.Model;

/// <summary>What moved since the previous period's snapshot.</summary>
public sealed record ChangesView(
    bool HasPrevious,
    string PreviousPeriod,
    string? PreviousState,
    IReadOnlyList<MeasureChange> Measures,
    IReadOnlyList<ClusterView> NewClusters,
    IReadOnlyList<BlockerView> NewBlockers,
    IReadOnlyList<string> ResolvedBlockers)
{
    public bool Any => Measures.Count + NewClusters.Count + NewBlockers.Count + ResolvedBlockers.Count > 0;
}

/// <summary><see cref="What"/> is <c>implementation</c>, <c>potential</c> or <c>actual</c>.</summary>
public sealed record MeasureChange(string Id, string Name, string What, string Before, string After);
