namespace StrategyLayer.Reporting.Model;

/// <summary>
/// How much of one team's in-scope work (<see cref="Items"/>) maps to no measure; the team's
/// out-of-scope items are counted apart in <see cref="OutOfScope"/>.
/// </summary>
public sealed record TeamUntrackedView(string Team, int Items, int Untracked, double UntrackedPercent, string? Url, IReadOnlyList<ItemRef> Sample)
{
    public int OutOfScope { get; init; }
}
