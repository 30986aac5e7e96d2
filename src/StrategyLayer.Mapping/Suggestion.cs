using System.Text.Json.Serialization;

namespace StrategyLayer.Mapping;

/// <summary>
/// A cluster of untracked items sharing an attribute, the rule that would map them, and the measure
/// the mapped items sharing that attribute already go to (null when none do).
/// </summary>
public sealed record Suggestion(
    [property: JsonPropertyName("attribute")] string Attribute,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("when")] string When,
    [property: JsonPropertyName("measure")] string? Measure,
    [property: JsonPropertyName("measureShare")] double? MeasureShare,
    [property: JsonPropertyName("examples")] IReadOnlyList<string> Examples,
    [property: JsonPropertyName("snippet")] string Snippet);
