using System.Text.Json.Serialization;

namespace StrategyLayer.Reporting.Model;

/// <summary>
/// One in-scope item as the period saw it, with where it maps and why: a line of the period's
/// snapshot, and a row of a delivery-lead or untracked table. The snapshot stores the rows
/// without the display fields (<see cref="MeasureName"/>, <see cref="Untracked"/>, the
/// suggestion) and with <see cref="Tags"/> (see <c>SnapshotService.Json</c>); a pack shows them
/// the other way round.
/// </summary>
public sealed record PeriodItem
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

    /// <summary>The chain an inherited mapping came through: null in the snapshot when empty, never null in a pack.</summary>
    public IReadOnlyList<string>? Via { get; init; }
    public bool Untracked { get; init; }
    public string? Label { get; init; }

    /// <summary>Labels and components of an untracked item (to match rule suggestions); stored in the snapshot only.</summary>
    [JsonIgnore]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>For an untracked item: the suggested rule that would map it, if any.</summary>
    public string? SuggestedRule { get; init; }

    public string? SuggestedMeasure { get; init; }
}
