using System.Text.Json.Serialization;

namespace StrategyLayer.Reporting.Model;

/// <summary>One measure's two statuses (<c>green</c>, <c>amber</c>, <c>red</c> or <c>grey</c>), as the pack shows them.</summary>
public sealed record MeasureStatus(
    [property: JsonPropertyName("measure")] string Measure,
    [property: JsonPropertyName("implementation")] string Implementation,
    [property: JsonPropertyName("potential")] string Potential);
