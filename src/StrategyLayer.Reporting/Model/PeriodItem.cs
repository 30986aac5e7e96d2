using System.Text.Json.Serialization;

namespace StrategyLayer.Reporting.Model;

/// <summary>
/// One in-scope item as the period saw it: stored in the period's snapshot (one JSON line a row) and
/// shown in the item tables of a pack (delivery-lead, untracked), with where it maps and why.
/// </summary>
/// <remarks>
/// The stored form is every member but those marked <see cref="JsonIgnoreAttribute"/>: those a pack
/// adds when it shows the row (the measure's name, the suggestion). Frozen snapshots hold that form, in
/// this order, so the stored members keep their names and order.
/// </remarks>
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

    /// <summary>The measure's name in the tree the pack is built from: shown, not stored.</summary>
    [JsonIgnore]
    public string? MeasureName { get; init; }

    /// <summary><c>pin</c>, <c>rule</c>, <c>inherited</c> or <c>none</c>.</summary>
    public string DecidedBy { get; init; } = "none";
    public string? Rule { get; init; }

    /// <summary>The inherited path; null (stored) when there is none.</summary>
    public IReadOnlyList<string>? Via { get; init; }

    /// <summary>Maps to no measure.</summary>
    [JsonIgnore]
    public bool Untracked => Measure is null;

    public string? Label { get; init; }

    /// <summary>Labels and components of an untracked item (to match rule suggestions); null otherwise.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>For an untracked item in a pack: the suggested rule that would map it, if any; not stored.</summary>
    [JsonIgnore]
    public string? SuggestedRule { get; init; }

    [JsonIgnore]
    public string? SuggestedMeasure { get; init; }
}
