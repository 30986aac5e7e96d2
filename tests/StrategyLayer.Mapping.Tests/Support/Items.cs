using StrategyLayer.Domain.Items;

namespace StrategyLayer.Mapping.Tests.Support;

/// <summary>Builds work items for tests: a Jira issue unless told otherwise.</summary>
internal static class Items
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static WorkItem Issue(string key, Func<WorkItem, WorkItem>? tweak = null)
    {
        var project = key.Split('-')[0];
        var item = new WorkItem
        {
            Source = "jira",
            SourceId = "id-" + key,
            Key = key,
            Kind = WorkItemKind.Issue,
            Title = "Work on " + key,
            Status = "In Progress",
            Category = StatusCategory.InProgress,
            Type = "Story",
            Project = project,
            Team = project,
            Priority = "Medium",
            PriorityRank = 3,
            Created = AsOf.AddDays(-30),
            Updated = AsOf.AddDays(-2),
        };
        return tweak is null ? item : tweak(item);
    }

    public static WorkItem Incident(string number, string group, int rank, Func<WorkItem, WorkItem>? tweak = null)
    {
        var item = new WorkItem
        {
            Source = "servicenow",
            SourceId = "sys-" + number,
            Key = number,
            Kind = WorkItemKind.Incident,
            Table = "incident",
            Title = "Incident " + number,
            Status = "In Progress",
            Category = StatusCategory.InProgress,
            Type = "software",
            Project = "incident",
            Team = group,
            Priority = $"{rank} - {rank switch { 1 => "Critical", 2 => "High", 3 => "Moderate", 4 => "Low", _ => "Planning" }}",
            PriorityRank = rank,
            Created = AsOf.AddDays(-10),
            Updated = AsOf.AddDays(-1),
            Fields = new Dictionary<string, string?> { ["cmdb_ci"] = "payments-api", ["business_service"] = "Online Payments", ["impact"] = "2 - Medium" },
        };
        return tweak is null ? item : tweak(item);
    }
}
