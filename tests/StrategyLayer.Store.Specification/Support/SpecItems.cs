using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store.Specification.Support;

/// <summary>Small hand-made items for the specification.</summary>
public static class SpecItems
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 30, 0, TimeSpan.FromHours(1));

    public static WorkItem Jira(string sourceId, string key, DateTimeOffset? updated = null, string title = "Tokenize card data", string? team = "PAY", string source = "jira") => new()
    {
        Source = source,
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

    /// <summary>Every field of a work item set, with text that must survive byte for byte.</summary>
    public static WorkItem Full() => new()
    {
        Source = "servicenow",
        SourceId = "9d385017c611228701d22104cc95c371",
        Key = "INC0010001",
        Kind = WorkItemKind.Incident,
        Table = "incident",
        Title = "Card payments fail <script>alert(1)</script>",
        Description = "multi\nline ünïcode \"quoted\" \\ back",
        Status = "In Progress",
        StatusCode = "2",
        Category = StatusCategory.InProgress,
        Resolution = "none yet",
        Type = "incident",
        Priority = "1 - Critical",
        PriorityRank = 1,
        Project = "incident",
        Team = "Service Desk",
        Assignee = "beth.anglin",
        Reporter = "abel.tuter",
        Labels = ["pci", "sox"],
        Components = ["gateway"],
        FixVersions = ["2026.4"],
        Parent = "INC0009999",
        Epic = "PAY-1",
        Links = [new ItemLink(LinkTypes.IsBlockedBy, "CHG0030001", "Scheduled", StatusCategory.ToDo, "Change Board"), new ItemLink("relates to", "PRB0040001")],
        Created = T0.AddDays(-3),
        Updated = T0,
        Resolved = T0.AddHours(5),
        Due = T0.AddDays(7),
        Estimate = 3.5,
        BrowseUrl = "https://example.service-now.com/incident.do?sys_id=9d38",
        Fields = new Dictionary<string, string?> { ["cmdb_ci"] = "PaymentGateway", ["impact"] = null },
    };
}
