using System.Text.Json.Serialization;
using StrategyLayer.Domain.Mapping;

namespace StrategyLayer.Mapping;

/// <summary><c>decidedBy</c> in JSON: <c>{kind: pin|rule|inherited|none, rule, via: [ids]}</c>.</summary>
public sealed record DecidedByView(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("rule")] string? Rule,
    [property: JsonPropertyName("via")] IReadOnlyList<string> Via)
{
    public static DecidedByView From(Decision? decision) => decision is null
        ? new DecidedByView("none", null, [])
        : new DecidedByView(decision.Kind.ToString().ToLowerInvariant(), decision.Rule, decision.Via ?? []);
}
