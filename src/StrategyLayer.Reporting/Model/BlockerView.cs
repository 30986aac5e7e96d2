namespace StrategyLayer.Reporting.Model;

/// <summary>An open item that blocks others (an <c>is blocked by</c> link without evidence it is resolved).</summary>
public sealed record BlockerView
{
    public required ItemRef Blocker { get; init; }
    public string? BlockerTeam { get; init; }
    public string? BlockerStatus { get; init; }
    public string? BlockerAssignee { get; init; }
    public bool CrossTeam { get; init; }
    /// <summary>Days since the dependency was first seen (the link, not the blocking ticket).</summary>
    public int AgeDays { get; init; }
    public int BlockedCount { get; init; }
    public IReadOnlyList<ItemRef> BlockedItems { get; init; } = [];
    public IReadOnlyList<string> BlockedTeams { get; init; } = [];
    public IReadOnlyList<string> BlockedAssignees { get; init; } = [];
    public IReadOnlyList<string> Measures { get; init; } = [];

    /// <summary>Each blocked team's side: its items that wait and the measures they serve.</summary>
    public IReadOnlyList<BlockedTeamView> ByTeam { get; init; } = [];
    public string Level { get; init; } = "amber";

    /// <summary>
    /// Set when the link could not be resolved to one stored item (not stored, or a key several other
    /// sources hold): the dependency still counts as a risk, on the link's own data.
    /// </summary>
    public string? Problem { get; init; }
}
