namespace StrategyLayer.Reporting.Model;

/// <summary>
/// One open item of one team holding up another team's work, seen from a delivery lead's pack:
/// the blocker with its team and assignee, the blocked team with the items that wait, and the
/// measures that work serves with their owners.
/// </summary>
public sealed record TeamDependencyView
{
    public required ItemRef Blocker { get; init; }
    public required string BlockerTeam { get; init; }
    public string? BlockerStatus { get; init; }
    public string? BlockerAssignee { get; init; }

    /// <summary>Days since the dependency was first seen.</summary>
    public int AgeDays { get; init; }
    public string Level { get; init; } = "amber";
    public required string BlockedTeam { get; init; }
    public int BlockedCount { get; init; }
    public IReadOnlyList<ItemRef> BlockedItems { get; init; } = [];
    public int BlockedMore { get; init; }
    public IReadOnlyList<MeasureRefView> Measures { get; init; } = [];
}
