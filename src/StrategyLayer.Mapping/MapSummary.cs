using System.Text.Json.Serialization;
using StrategyLayer.Domain.Mapping;

namespace StrategyLayer.Mapping;

/// <summary>
/// The result of <c>map</c>: the <c>--json</c> document is <c>{items, mapped, untracked, byRule}</c>
/// (plus what the run wrote and evaluated). <see cref="Mapped"/> and <see cref="Untracked"/> count in-scope
/// items (as <see cref="Coverage"/> does everywhere); out-of-scope items are counted apart in
/// <see cref="OutOfScope"/>. <see cref="ByRule"/> counts the mapped items by the rule that decided them,
/// directly or through inheritance; pinned items count under <c>pin</c>.
/// </summary>
public sealed record MapSummary(
    [property: JsonPropertyName("items")] int Items,
    [property: JsonPropertyName("mapped")] int Mapped,
    [property: JsonPropertyName("untracked")] int Untracked,
    [property: JsonPropertyName("byRule")] IReadOnlyDictionary<string, int> ByRule,
    [property: JsonPropertyName("writes")] int Writes)
{
    /// <summary>Items whose pin and rules were evaluated (the rest reused their last decision).</summary>
    [JsonPropertyName("evaluated")]
    public int Evaluated { get; init; }

    [JsonPropertyName("inScope")]
    public int InScope { get; init; }

    /// <summary>Stored items outside the in-scope filter (mapped or not): counted apart, in no share.</summary>
    [JsonPropertyName("outOfScope")]
    public int OutOfScope { get; init; }

    /// <summary>True when rules or tree changed (or no earlier map), so every item was evaluated.</summary>
    [JsonPropertyName("full")]
    public bool Full { get; init; }
}
