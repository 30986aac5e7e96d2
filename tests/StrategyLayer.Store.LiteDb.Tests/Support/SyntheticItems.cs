using System.Globalization;
using System.Text;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store.LiteDb.Tests.Support;

/// <summary>Deterministic, realistic-sized (~2 KB normalized) work items for the measurement and the crash test.</summary>
public static class SyntheticItems
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private static readonly string[] Teams = ["PAY", "WEB", "OPS", "DATA", "CORE", "MOB"];
    private static readonly string[] Statuses = ["To Do", "In Progress", "In Review", "Done", "Won't Do"];

    public static WorkItem Item(string source, int index, int version)
    {
        var team = Teams[index % Teams.Length];
        var moved = version % 2 == 1 && index % 10 == 0;
        var key = (moved ? "MOV" : team) + "-" + index.ToString(CultureInfo.InvariantCulture);
        var status = (index + version) % Statuses.Length;
        return new WorkItem
        {
            Source = source,
            SourceId = (100000 + index).ToString(CultureInfo.InvariantCulture),
            Key = key,
            Kind = WorkItemKind.Issue,
            Title = $"Synthetic item {index} v{version}: tokenize card data in the {team} service",
            Description = Filler(index, version, 900),
            Status = Statuses[status],
            Category = status switch { 0 => StatusCategory.ToDo, 3 => StatusCategory.Done, 4 => StatusCategory.Cancelled, _ => StatusCategory.InProgress },
            Type = index % 7 == 0 ? "Epic" : "Story",
            Priority = "P" + ((index % 4) + 1).ToString(CultureInfo.InvariantCulture),
            PriorityRank = (index % 4) + 1,
            Project = team,
            Team = team,
            Assignee = "user" + (index % 97).ToString(CultureInfo.InvariantCulture) + "@example.com",
            Reporter = "pm" + (index % 13).ToString(CultureInfo.InvariantCulture) + "@example.com",
            Labels = index % 3 == 0 ? ["pci", "sox"] : ["backend"],
            Components = ["api", team.ToLowerInvariant()],
            FixVersions = ["2026.1"],
            Epic = index % 7 == 0 ? null : team + "-" + (index - (index % 7)).ToString(CultureInfo.InvariantCulture),
            Links = index % 5 == 0
                ? [new ItemLink(LinkTypes.IsBlockedBy, "OPS-" + (index + 1).ToString(CultureInfo.InvariantCulture), "In Progress", StatusCategory.InProgress, "OPS")]
                : [],
            Created = Epoch.AddMinutes(index),
            Updated = Epoch.AddMinutes(index).AddHours(version),
            Due = index % 4 == 0 ? Epoch.AddDays(30 + (index % 60)) : null,
            Estimate = index % 8,
            BrowseUrl = "https://example.atlassian.net/browse/" + key,
            Fields = new Dictionary<string, string?>
            {
                ["customfield_10010"] = "Sprint " + (index % 40).ToString(CultureInfo.InvariantCulture),
                ["customfield_10020"] = index % 2 == 0 ? "Value stream A" : null,
                ["businessService"] = "Payments",
            },
        };
    }

    /// <summary>Raw JSON shaped like a Jira issue (~3 KB), as a connector would hand it over.</summary>
    public static string Raw(WorkItem item)
    {
        var sb = new StringBuilder(3200);
        sb.Append("{\"id\":\"").Append(item.SourceId).Append("\",\"key\":\"").Append(item.Key)
            .Append("\",\"self\":\"https://example.atlassian.net/rest/api/3/issue/").Append(item.SourceId)
            .Append("\",\"fields\":{\"summary\":\"").Append(item.Title)
            .Append("\",\"status\":{\"name\":\"").Append(item.Status).Append("\",\"statusCategory\":{\"key\":\"indeterminate\"}}")
            .Append(",\"updated\":\"").Append(item.Updated.ToString("O", CultureInfo.InvariantCulture))
            .Append("\",\"description\":{\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"")
            .Append(item.Description).Append("\"}]}]},\"renderedFields\":{\"description\":\"<p>").Append(item.Description)
            .Append("</p>\"},\"customfield_10010\":[{\"id\":12,\"name\":\"").Append(item.Fields["customfield_10010"]).Append("\",\"state\":\"active\"}]}}");
        return sb.ToString();
    }

    public static SourceRecord Record(string source, int index, int version)
    {
        var item = Item(source, index, version);
        return new SourceRecord(item, Raw(item));
    }

    private static string Filler(int index, int version, int length)
    {
        // Word salad seeded by the item: compresses like prose, not like a repeated string.
        var words = new[] { "card", "token", "vault", "latency", "customer", "merchant", "refund", "ledger", "audit", "migrate", "schema", "retry", "queue", "settlement", "fraud", "limit" };
        var sb = new StringBuilder(length + 16);
        var state = (uint)((index * 2654435761u) ^ (uint)version);
        while (sb.Length < length)
        {
            state = (state * 1664525u) + 1013904223u;
            sb.Append(words[(state >> 24) % words.Length]).Append(' ');
        }

        return sb.ToString(0, length);
    }
}
