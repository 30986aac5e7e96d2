namespace StrategyLayer.Reporting.Model;

/// <summary>
/// One team's coverage: its in-scope items mapped or untracked (the share is of in-scope items), and
/// its out-of-scope items counted apart. Every team with a stored item has one, in-scope or not.
/// </summary>
public sealed record TeamCoverageView(string Team, int InScope, int Mapped, int Untracked, int OutOfScope)
{
    public double UntrackedPercent => InScope == 0 ? 0 : Math.Round(100.0 * Untracked / InScope, 1);
}
