namespace StrategyLayer.Reporting.Model;

/// <summary>The executive page's figures.</summary>
public sealed record SummaryView
{
    public int InScope { get; init; }
    public int Mapped { get; init; }
    public int Untracked { get; init; }

    /// <summary>Stored items the mapping stage has not seen yet (run <c>map</c>): not counted above.</summary>
    public int NotYetMapped { get; init; }
    public double CoveragePercent { get; init; }
    public double UntrackedPercent { get; init; }
    public int Measures { get; init; }
    public int MeasuresRed { get; init; }
    public int MeasuresAmber { get; init; }
    public int MeasuresGreen { get; init; }
    public int BlockedItems { get; init; }
    public int CrossTeamBlockers { get; init; }
    public string? UntrackedUrl { get; init; }
}
