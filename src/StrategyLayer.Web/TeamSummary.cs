namespace StrategyLayer.Web;

/// <summary>One team's stored items and how many of them are untracked.</summary>
public sealed record TeamSummary(string Name, int Items, int Untracked, string Href)
{
    public double UntrackedPercent => Items == 0 ? 0 : Math.Round(100.0 * Untracked / Items, 1);
}
