using System.Text.Json.Serialization;

namespace StrategyLayer.Mapping;

/// <summary>
/// <c>explain --json</c>: <c>{id, measure, decidedBy, candidates: [{rule, matched, failedAt}], fields}</c>,
/// plus whether the item is in scope (and, if not, the scope clause that failed) and its pin.
/// </summary>
public sealed record ExplainView
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("measure")] public string? Measure { get; init; }
    [JsonPropertyName("decidedBy")] public required DecidedByView DecidedBy { get; init; }

    /// <summary>A sentence saying why: "pinned to M-X", "rule pci-work matched", "inherited from jira:PAY-1 (rule pci-work)".</summary>
    [JsonPropertyName("reason")] public required string Reason { get; init; }

    [JsonPropertyName("inScope")] public bool InScope { get; init; }
    [JsonPropertyName("untracked")] public bool Untracked { get; init; }

    [JsonPropertyName("scopeFailedAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FailedAtView? ScopeFailedAt { get; init; }

    [JsonPropertyName("pin")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Pin { get; init; }

    [JsonPropertyName("candidates")] public required IReadOnlyList<CandidateView> Candidates { get; init; }

    /// <summary>The fields the scope and rules read, as this item has them.</summary>
    [JsonPropertyName("fields")] public required IReadOnlyDictionary<string, object?> Fields { get; init; }

    /// <summary>Where the inherited path stopped, nearest first, when the item had ancestors.</summary>
    [JsonPropertyName("ancestors")] public IReadOnlyList<AncestorView> Ancestors { get; init; } = [];
}

public sealed record CandidateView(
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("measure")] string Measure,
    [property: JsonPropertyName("matched")] bool Matched,
    [property: JsonPropertyName("failedAt")] FailedAtView? FailedAt);

/// <summary>The first clause that failed (<c>labels in (pci, sox)</c>) and what the item had (<c>[payments]</c>).</summary>
public sealed record FailedAtView(
    [property: JsonPropertyName("clause")] string Clause,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("saw")] string Saw)
{
    public override string ToString() => $"{Clause} saw {Saw}";
}

/// <summary>An ancestor looked at for inheritance: its relation (parent/epic), and what it maps to.</summary>
public sealed record AncestorView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("relation")] string Relation,
    [property: JsonPropertyName("found")] bool Found,
    [property: JsonPropertyName("measure")] string? Measure,
    [property: JsonPropertyName("decidedBy")] string? DecidedBy);
