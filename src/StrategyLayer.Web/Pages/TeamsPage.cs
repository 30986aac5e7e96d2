namespace StrategyLayer.Web.Pages;

public sealed record TeamsPage : PageBase
{
    public required IReadOnlyList<TeamSummary> Teams { get; init; }
}
