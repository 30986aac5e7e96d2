using System.Text.Json;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Connectors.Text;

/// <summary>A record rewritten by <see cref="LenientJson.Repair"/>: its readable copy and what was replaced (JSON paths in <see cref="ReplacedText.Field"/>).</summary>
public sealed class RepairedJson(JsonDocument document, IReadOnlyList<ReplacedText> damage) : IDisposable
{
    public JsonElement Root => document.RootElement;

    /// <summary>Each string changed, by JSON path (<c>fields.summary</c>, <c>labels[1]</c>); empty when the record read cleanly after all.</summary>
    public IReadOnlyList<ReplacedText> Damage { get; } = damage;

    public void Dispose() => document.Dispose();
}
