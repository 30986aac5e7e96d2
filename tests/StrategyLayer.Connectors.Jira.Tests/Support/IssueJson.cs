using System.Text.Json.Nodes;

namespace StrategyLayer.Connectors.Jira.Tests.Support;

/// <summary>Issue JSON as Jira writes it, with only what a test needs to vary.</summary>
internal static class IssueJson
{
    public static JsonObject Issue(string id, string key, string updated, string summary = "A ticket", Action<JsonObject>? fields = null)
    {
        var f = new JsonObject
        {
            ["summary"] = summary,
            ["status"] = new JsonObject { ["name"] = "In Progress", ["statusCategory"] = new JsonObject { ["key"] = "indeterminate" } },
            ["issuetype"] = new JsonObject { ["name"] = "Story" },
            ["priority"] = new JsonObject { ["id"] = "3", ["name"] = "Medium" },
            ["project"] = new JsonObject { ["key"] = key.Split('-')[0] },
            ["labels"] = new JsonArray(),
            ["created"] = "2026-11-01T09:00:00.000+0000",
            ["updated"] = updated,
        };
        fields?.Invoke(f);
        return new JsonObject { ["id"] = id, ["key"] = key, ["self"] = "https://jira.example/rest/api/3/issue/" + id, ["fields"] = f };
    }

    public static string CloudPage(IEnumerable<JsonObject> issues, string? nextPageToken, bool isLast)
    {
        var page = new JsonObject { ["issues"] = new JsonArray(issues.Select(i => (JsonNode)i.DeepClone()).ToArray()), ["isLast"] = isLast };
        if (nextPageToken is not null)
        {
            page["nextPageToken"] = nextPageToken;
        }

        return page.ToJsonString();
    }

    public static string DataCenterPage(IEnumerable<JsonObject> issues, int startAt, int maxResults, int total) => new JsonObject
    {
        ["startAt"] = startAt,
        ["maxResults"] = maxResults,
        ["total"] = total,
        ["issues"] = new JsonArray(issues.Select(i => (JsonNode)i.DeepClone()).ToArray()),
    }.ToJsonString();

    public static JsonObject Status(string name, string category) =>
        new() { ["name"] = name, ["statusCategory"] = new JsonObject { ["key"] = category } };
}
