using StrategyLayer.Application;
using StrategyLayer.Mapping;

namespace StrategyLayer.Web.Pages;

/// <summary>The explain view of one item: every rule, the winner, the inherited path, the fields the rules saw.</summary>
public sealed record ItemExplainPage : PageBase
{
    public required ItemRow Item { get; init; }
    public required ExplainView Explain { get; init; }
    public required IReadOnlyList<FieldRow> Fields { get; init; }
    public required IReadOnlyList<CandidateRow> Candidates { get; init; }
    public string? Winner { get; init; }
}

public sealed record FieldRow(string Name, string Value);

/// <summary>A rule checked against the item; <see cref="Won"/> marks the one that decided.</summary>
public sealed record CandidateRow(string Rule, string Measure, bool Matched, bool Won, string? FailedClause, string? Saw);
