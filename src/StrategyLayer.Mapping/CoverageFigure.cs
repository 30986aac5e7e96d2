using System.Text.Json.Serialization;

namespace StrategyLayer.Mapping;

/// <summary>How much of one group's in-scope work is mapped, by count and by estimate.</summary>
public sealed record CoverageFigure(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("inScope")] int InScope,
    [property: JsonPropertyName("mapped")] int Mapped,
    [property: JsonPropertyName("untracked")] int Untracked,
    [property: JsonPropertyName("estimate")] double Estimate,
    [property: JsonPropertyName("mappedEstimate")] double MappedEstimate)
{
    /// <summary>Share of in-scope items that are mapped, 0..1 (1 when there are none).</summary>
    [JsonPropertyName("itemShare")]
    public double ItemShare => InScope == 0 ? 1 : (double)Mapped / InScope;

    /// <summary>Share of in-scope estimate that is mapped, 0..1; null when nothing has an estimate.</summary>
    [JsonPropertyName("estimateShare")]
    public double? EstimateShare => Estimate <= 0 ? null : MappedEstimate / Estimate;
}
