using System.Text.Json.Serialization;

namespace StrategyLayer.Reporting.Model;

/// <summary>How current one source's data was when the figures were computed (the report document's part of <see cref="FreshnessView"/>).</summary>
public sealed record SourceFreshness(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("lastSync")] string LastSync,
    [property: JsonPropertyName("ageHours")] double? AgeHours,
    [property: JsonPropertyName("level")] string Level);
