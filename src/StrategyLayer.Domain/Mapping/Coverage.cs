using System.Text.Json.Serialization;

namespace StrategyLayer.Domain.Mapping;

/// <summary>
/// How much of the work is mapped: <see cref="Mapped"/> + <see cref="Untracked"/> = <see cref="InScope"/>;
/// items outside the in-scope filter are counted apart in <see cref="OutOfScope"/> and never in a share.
/// Removed items, and items the mapping stage has not seen yet, are not counted. Every surface (packs,
/// pages, <c>report --json</c>, <c>status</c>, the console) shows these figures, counted by <see cref="CoverageTally"/>.
/// </summary>
public sealed record Coverage(
    [property: JsonPropertyName("inScope")] int InScope,
    [property: JsonPropertyName("mapped")] int Mapped,
    [property: JsonPropertyName("untracked")] int Untracked,
    [property: JsonPropertyName("outOfScope")] int OutOfScope)
{
    public static readonly Coverage Empty = new(0, 0, 0, 0);

    /// <summary>Untracked items as a fraction (0–1) of in-scope items, unrounded; 0 when nothing is in scope.</summary>
    [JsonIgnore]
    public double UntrackedShare => InScope == 0 ? 0 : (double)Untracked / InScope;

    /// <summary>Mapped items as a fraction (0–1) of in-scope items, unrounded; 0 when nothing is in scope.</summary>
    [JsonIgnore]
    public double MappedShare => InScope == 0 ? 0 : (double)Mapped / InScope;
}
