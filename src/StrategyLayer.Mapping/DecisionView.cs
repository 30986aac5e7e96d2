using System.Text.Json.Serialization;
using StrategyLayer.Domain.Mapping;

namespace StrategyLayer.Mapping;

/// <summary><c>decidedBy</c> in JSON: <c>{kind: pin|rule|inherited|none, rule, via: [ids]}</c>.</summary>
public sealed record DecisionView(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("rule")] string? Rule,
    [property: JsonPropertyName("via")] IReadOnlyList<string> Via)
{
    public static DecisionView From(Decision? decision) => decision is null
        ? new DecisionView("none", null, [])
        : new DecisionView(decision.Kind.ToString().ToLowerInvariant(), decision.Rule, decision.Via ?? []);
}
