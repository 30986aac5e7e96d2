namespace StrategyLayer.Reporting.Model;

/// <summary>One item in a delivery-lead or untracked table, with where it maps and why.</summary>
public sealed record ItemRowView
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
    public string? MeasureName { get; init; }

    /// <summary><c>pin</c>, <c>rule</c>, <c>inherited</c> or <c>none</c>.</summary>
    public string DecidedBy { get; init; } = "none";
    public string? Rule { get; init; }
    public IReadOnlyList<string> Via { get; init; } = [];
    public bool Untracked { get; init; }
    public string? Label { get; init; }

    /// <summary>For an untracked item: the suggested rule that would map it, if any.</summary>
    public string? SuggestedRule { get; init; }

    public string? SuggestedMeasure { get; init; }
}
