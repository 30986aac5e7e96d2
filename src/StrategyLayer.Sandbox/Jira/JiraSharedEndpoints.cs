using System.Text.Json;
using StrategyLayer.Sandbox.Data;
using StrategyLayer.Sandbox.Http;

namespace StrategyLayer.Sandbox.Jira;

/// <summary>Endpoints Cloud and Data Center share: one issue, the current user, the field list.</summary>
internal static class JiraSharedEndpoints
{
    public static Task IssueAsync(HttpContext ctx, SandboxState state, JiraInstance flavor, string idOrKey)
    {
        var item = state.Index.FindJira(idOrKey);
        if (item < 0)
        {
            return JsonOut.JiraErrorAsync(ctx, 404, "Issue does not exist or you do not have permission to see it.");
        }

        var fields = ctx.Request.Query.ContainsKey("fields") ? ctx.Request.Query["fields"].Select(v => v ?? "").ToList() : null;
        var selection = JiraFieldSelection.Parse(fields, "*all", flavor);
        var writer = new JiraIssueWriter(state.Index, flavor, state.Faults);
        return JsonOut.WriteAsync(ctx, 200, w => writer.Write(w, JiraGenerator.Generate(state.Index, item), selection));
    }

    public static Task MyselfAsync(HttpContext ctx, SandboxState state, JiraInstance flavor) => JsonOut.WriteAsync(ctx, 200, w =>
    {
        w.WriteStartObject();
        if (flavor.Cloud)
        {
            w.WriteString("self", flavor.Self("user?accountId=712020:sandbox-user"));
            w.WriteString("accountId", "712020:sandbox-user");
            w.WriteString("accountType", "atlassian");
        }
        else
        {
            w.WriteString("self", flavor.Self("user?username=sandbox"));
            w.WriteString("key", "JIRAUSER10000");
            w.WriteString("name", "sandbox");
        }

        w.WriteString("emailAddress", state.Options.User);
        w.WriteString("displayName", "Sandbox User");
        w.WriteBoolean("active", true);
        w.WriteString("timeZone", state.Zone.Id);
        w.WriteString("locale", "en_US");
        w.WriteEndObject();
    });

    public static Task FieldsAsync(HttpContext ctx, JiraInstance flavor) => JsonOut.WriteAsync(ctx, 200, w =>
    {
        w.WriteStartArray();
        foreach (var id in JiraFieldSelection.All(flavor))
        {
            WriteField(w, id, flavor);
        }

        w.WriteEndArray();
    });

    private static void WriteField(Utf8JsonWriter w, string id, JiraInstance flavor)
    {
        var custom = id.StartsWith("customfield_", StringComparison.Ordinal);
        var (name, type, plugin) = id switch
        {
            JiraInstance.CloudStoryPoints => ("Story point estimate", "number", "com.pyxis.greenhopper.jira:jsw-story-points"),
            JiraInstance.DataCenterStoryPoints => ("Story Points", "number", "com.atlassian.jira.plugin.system.customfieldtypes:float"),
            JiraInstance.DataCenterEpicLink => ("Epic Link", "any", "com.pyxis.greenhopper.jira:gh-epic-link"),
            "issuelinks" => ("Linked Issues", "array", null),
            "fixVersions" => ("Fix versions", "array", null),
            "resolutiondate" => ("Resolved", "datetime", null),
            "duedate" => ("Due date", "date", null),
            "issuetype" => ("Issue Type", "issuetype", null),
            "labels" or "components" => (char.ToUpperInvariant(id[0]) + id[1..], "array", null),
            "created" or "updated" => (char.ToUpperInvariant(id[0]) + id[1..], "datetime", null),
            _ => (char.ToUpperInvariant(id[0]) + id[1..], id is "summary" or "description" ? "string" : id, null),
        };
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("key", id);
        w.WriteString("name", name);
        w.WriteBoolean("custom", custom);
        w.WriteBoolean("orderable", true);
        w.WriteBoolean("navigable", true);
        w.WriteBoolean("searchable", true);
        w.WriteStartArray("clauseNames");
        w.WriteStringValue(custom ? "cf[" + id["customfield_".Length..] + "]" : id);
        if (custom)
        {
            w.WriteStringValue(name);
        }

        w.WriteEndArray();
        w.WriteStartObject("schema");
        w.WriteString("type", type);
        if (custom)
        {
            w.WriteString("custom", plugin);
            w.WriteNumber("customId", int.Parse(id["customfield_".Length..], System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteString("system", id);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }
}
