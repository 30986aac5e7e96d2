using StrategyLayer.Mapping;

namespace StrategyLayer.Web.Pages;

/// <summary>Untracked work by team (the report model's figures), and clusters with the rule that would map them (ready to paste into rules.json).</summary>
public sealed record UntrackedPage : PageBase
{
    public required IReadOnlyList<TeamSummary> Teams { get; init; }
    public required IReadOnlyList<Suggestion> Suggestions { get; init; }
    /// <summary>Untracked in-scope items of the running period (the report model's figure).</summary>
    public int Untracked { get; init; }

    public int InScope { get; init; }
}
