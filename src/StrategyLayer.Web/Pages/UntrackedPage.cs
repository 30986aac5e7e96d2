using StrategyLayer.Mapping;

namespace StrategyLayer.Web.Pages;

/// <summary>Untracked work by team, and clusters with the rule that would map them (ready to paste into rules.json).</summary>
public sealed record UntrackedPage : PageBase
{
    public required IReadOnlyList<TeamSummary> Teams { get; init; }
    public required IReadOnlyList<Suggestion> Suggestions { get; init; }
    public int Untracked { get; init; }
}
