using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store.PostgreSql.Tests.Support;

/// <summary>Small hand-made items for the engine's own tests.</summary>
public static class TestItems
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 30, 0, TimeSpan.FromHours(1));

    public static WorkItem Jira(string sourceId, string key, DateTimeOffset? updated = null, string title = "Tokenize card data", string? team = "PAY") => new()
    {
        Source = "jira",
        SourceId = sourceId,
        Key = key,
        Kind = WorkItemKind.Issue,
        Title = title,
        Status = "In Progress",
        Category = StatusCategory.InProgress,
        Team = team,
        Created = T0.AddDays(-10),
        Updated = updated ?? T0,
    };

    public static SourceRecord Record(WorkItem item) => new(item, "{\"id\":\"" + item.SourceId + "\",\"key\":\"" + item.Key + "\",\"title\":\"" + item.Title + "\"}");
}
