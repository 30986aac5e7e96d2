namespace StrategyLayer.Sandbox.Data;

/// <summary>One generated Jira issue (built on request, never kept).</summary>
internal sealed record JiraIssue(
    int Index,
    long Id,
    string Key,
    int Project,
    string Type,
    string Summary,
    int Status,
    string? Resolution,
    int Priority,
    int Assignee,
    int Reporter,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Components,
    IReadOnlyList<string> FixVersions,
    int Parent,
    int Epic,
    int BlockedBy,
    IReadOnlyList<int> Blocks,
    long Created,
    long Updated,
    long? Resolved,
    DateOnly? Due,
    double? StoryPoints,
    IReadOnlyList<string> Description)
{
    public bool IsSubtask => Type == "Sub-task";
}
