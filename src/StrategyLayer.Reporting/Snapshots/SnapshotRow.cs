namespace StrategyLayer.Reporting.Snapshots;

/// <summary>One in-scope item as the period saw it: what the item tables of a pack show.</summary>
public sealed record SnapshotRow
{
    public required string Id { get; init; }
    public required string Key { get; init; }
    public required string Title { get; init; }
    public string? Url { get; init; }
    public string? Team { get; init; }
    public string? Type { get; init; }
    public string? Status { get; init; }
    public string? Category { get; init; }
    public string? Assignee { get; init; }
    public string? Measure { get; init; }
    public string DecidedBy { get; init; } = "none";
    public string? Rule { get; init; }
    public IReadOnlyList<string>? Via { get; init; }
    public string? Label { get; init; }

    /// <summary>Labels and components of an untracked item (to match rule suggestions); null otherwise.</summary>
    public IReadOnlyList<string>? Tags { get; init; }
}
