namespace StrategyLayer.Web;

/// <summary>
/// One team's row on the Teams and Untracked pages, from the report model: in-scope items mapped or
/// untracked (the share is of in-scope items, as in the packs), out-of-scope items counted apart.
/// </summary>
public sealed record TeamSummary(string Name, int InScope, int Mapped, int Untracked, int OutOfScope, string Href)
{
    public double UntrackedPercent => InScope == 0 ? 0 : Math.Round(100.0 * Untracked / InScope, 1);
}
