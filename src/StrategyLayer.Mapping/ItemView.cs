using System.Text.Json.Serialization;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Mapping.Query;

namespace StrategyLayer.Mapping;

/// <summary>One entry of <c>items --json</c> and of the web view's <c>/api/items</c>.</summary>
public sealed record ItemView
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("key")] public required string Key { get; init; }
    [JsonPropertyName("source")] public required string Source { get; init; }
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("category")] public required string Category { get; init; }
    [JsonPropertyName("team")] public string? Team { get; init; }
    [JsonPropertyName("measure")] public string? Measure { get; init; }

    /// <summary>The winning rule's id; null unless a rule decided (directly).</summary>
    [JsonPropertyName("rule")] public string? Rule { get; init; }

    [JsonPropertyName("decidedBy")] public required DecidedByView DecidedBy { get; init; }
    [JsonPropertyName("untracked")] public bool Untracked { get; init; }
    [JsonPropertyName("inScope")] public bool InScope { get; init; }

    /// <summary><c>deleted</c> or <c>outofscope</c> when the item is gone upstream; absent otherwise.</summary>
    [JsonPropertyName("removed")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Removed { get; init; }

    /// <summary>An item with no mapping yet (never mapped) shows as not mapped and not untracked.</summary>
    public static ItemView From(WorkItem item, ItemMapping? mapping) => new()
    {
        Id = item.Id,
        Key = item.Key,
        Source = item.Source,
        Kind = FieldCatalog.KindName(item.Kind),
        Title = item.Title,
        Status = item.Status,
        Category = FieldCatalog.CategoryName(item.Category),
        Team = item.Team,
        Measure = mapping?.MeasureId,
        Rule = mapping?.DecidedBy.Kind == DecisionKind.Rule ? mapping.DecidedBy.Rule : null,
        DecidedBy = DecidedByView.From(mapping?.DecidedBy),
        Untracked = mapping?.Untracked ?? false,
        InScope = mapping?.InScope ?? false,
        Removed = item.Removed is null ? null : item.Removed.Reason == RemovalReason.Deleted ? "deleted" : "outofscope",
    };
}
