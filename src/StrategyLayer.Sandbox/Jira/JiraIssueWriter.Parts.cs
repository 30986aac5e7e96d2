using System.Globalization;
using System.Text.Json;
using StrategyLayer.Sandbox.Data;

namespace StrategyLayer.Sandbox.Jira;

internal sealed partial class JiraIssueWriter
{
    private static readonly string[] TypeNames = ["Epic", "Story", "Task", "Bug", "Sub-task"];

    private void WriteStatus(Utf8JsonWriter w, int status)
    {
        w.WriteStartObject();
        w.WriteString("self", flavor.Self("status/" + Vocabulary.StatusIds[status]));
        w.WriteString("description", "");
        w.WriteString("name", Vocabulary.Statuses[status]);
        w.WriteString("id", Vocabulary.StatusIds[status]);
        w.WriteStartObject("statusCategory");
        var categoryId = StatusCategoryIds[status].ToString(CultureInfo.InvariantCulture);
        w.WriteString("self", flavor.Self("statuscategory/" + categoryId));
        w.WriteNumber("id", StatusCategoryIds[status]);
        w.WriteString("key", Vocabulary.StatusCategoryKeys[status]);
        w.WriteString("colorName", status == Vocabulary.Done ? "green" : status == 0 ? "blue-gray" : "yellow");
        w.WriteString("name", Vocabulary.StatusCategoryNames[status]);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void WriteIssueType(Utf8JsonWriter w, string type)
    {
        var id = (10000 + Array.IndexOf(TypeNames, type)).ToString(CultureInfo.InvariantCulture);
        w.WriteStartObject();
        w.WriteString("self", flavor.Self("issuetype/" + id));
        w.WriteString("id", id);
        w.WriteString("description", "");
        w.WriteString("name", type);
        w.WriteBoolean("subtask", type == "Sub-task");
        if (flavor.Cloud)
        {
            w.WriteNumber("hierarchyLevel", type switch { "Epic" => 1, "Sub-task" => -1, _ => 0 });
        }

        w.WriteEndObject();
    }

    private void WritePriority(Utf8JsonWriter w, int priority)
    {
        var id = (priority + 1).ToString(CultureInfo.InvariantCulture);
        w.WriteStartObject();
        w.WriteString("self", flavor.Self("priority/" + id));
        w.WriteString("name", Vocabulary.Priorities[priority]);
        w.WriteString("id", id);
        w.WriteEndObject();
    }

    private void WritePerson(Utf8JsonWriter w, int person)
    {
        if (person < 0)
        {
            w.WriteNullValue();
            return;
        }

        var name = Vocabulary.People[person];
        w.WriteStartObject();
        if (flavor.Cloud)
        {
            var id = SysIds.Named(0, "jira-account", name);
            var accountId = "712020:" + id[..8] + "-" + id[8..24];
            w.WriteString("self", flavor.Self("user?accountId=" + accountId));
            w.WriteString("accountId", accountId);
            w.WriteString("accountType", "atlassian");
            w.WriteString("displayName", name);
            w.WriteBoolean("active", true);
            w.WriteString("timeZone", flavor.Zone.Id);
        }
        else
        {
            var login = Login(name);
            w.WriteString("self", flavor.Self("user?username=" + login));
            w.WriteString("name", login);
            w.WriteString("key", "JIRAUSER" + (10100 + person).ToString(CultureInfo.InvariantCulture));
            w.WriteString("emailAddress", login + "@example.com");
            w.WriteString("displayName", name);
            w.WriteBoolean("active", true);
        }

        w.WriteEndObject();
    }

    private static readonly string[] Logins = [.. Vocabulary.People.Select(n => new string([.. n.Normalize(System.Text.NormalizationForm.FormD).Where(c => c < 128 && c != ' ')]).ToLowerInvariant())];

    private static string Login(string name) => Logins[Array.IndexOf(Vocabulary.People, name)];

    private void WriteNamedList(Utf8JsonWriter w, string property, string kind, IReadOnlyList<string> names, string[] all)
    {
        w.WriteStartArray(property);
        foreach (var name in names)
        {
            var id = (10000 + Array.IndexOf(all, name)).ToString(CultureInfo.InvariantCulture);
            w.WriteStartObject();
            w.WriteString("self", flavor.Self(kind + "/" + id));
            w.WriteString("id", id);
            w.WriteString("name", name);
            if (kind == "version")
            {
                w.WriteBoolean("archived", false);
                w.WriteBoolean("released", false);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private void WriteLinkedIssue(Utf8JsonWriter w, JiraIssue other)
    {
        var id = other.Id.ToString(CultureInfo.InvariantCulture);
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("key", other.Key);
        w.WriteString("self", flavor.Self("issue/" + id));
        w.WriteStartObject("fields");
        w.WriteString("summary", other.Summary);
        w.WritePropertyName("status");
        WriteStatus(w, other.Status);
        w.WritePropertyName("priority");
        WritePriority(w, other.Priority);
        w.WritePropertyName("issuetype");
        WriteIssueType(w, other.Type);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void WriteLinks(Utf8JsonWriter w, JiraIssue issue)
    {
        w.WriteStartArray("issuelinks");
        if (issue.BlockedBy >= 0)
        {
            WriteLink(w, issue.BlockedBy, issue.Index, "inwardIssue", issue.BlockedBy);
        }

        foreach (var blocked in issue.Blocks)
        {
            WriteLink(w, issue.Index, blocked, "outwardIssue", blocked);
        }

        w.WriteEndArray();
    }

    private void WriteLink(Utf8JsonWriter w, int blocker, int blocked, string side, int other)
    {
        var id = (100000 + ((long)blocker * 31) + blocked).ToString(CultureInfo.InvariantCulture);
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("self", flavor.Self("issueLink/" + id));
        w.WriteStartObject("type");
        w.WriteString("id", "10000");
        w.WriteString("name", "Blocks");
        w.WriteString("inward", "is blocked by");
        w.WriteString("outward", "blocks");
        w.WriteString("self", flavor.Self("issueLinkType/10000"));
        w.WriteEndObject();
        w.WritePropertyName(side);
        WriteLinkedIssue(w, JiraGenerator.Generate(index, other));
        w.WriteEndObject();
    }

    private void WriteResolution(Utf8JsonWriter w, string? resolution)
    {
        if (resolution is null)
        {
            w.WriteNull("resolution");
            return;
        }

        var id = (10000 + Array.IndexOf(Vocabulary.Resolutions, resolution)).ToString(CultureInfo.InvariantCulture);
        w.WriteStartObject("resolution");
        w.WriteString("self", flavor.Self("resolution/" + id));
        w.WriteString("id", id);
        w.WriteString("description", "");
        w.WriteString("name", resolution);
        w.WriteEndObject();
    }

    private void WriteDescription(Utf8JsonWriter w, IReadOnlyList<string> parts)
    {
        if (flavor.ApiVersion == 2)
        {
            // API v2 (and all of Data Center) carries wiki markup.
            w.WriteStringValue("h3. Context\n" + parts[0] + "\n\n" + string.Join("\n", parts.Skip(1).Select(p => "* " + p)));
            return;
        }

        // API v3 carries Atlassian Document Format.
        w.WriteStartObject();
        w.WriteString("type", "doc");
        w.WriteNumber("version", 1);
        w.WriteStartArray("content");
        w.WriteStartObject();
        w.WriteString("type", "paragraph");
        w.WriteStartArray("content");
        WriteText(w, parts[0]);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("type", "bulletList");
        w.WriteStartArray("content");
        foreach (var part in parts.Skip(1))
        {
            w.WriteStartObject();
            w.WriteString("type", "listItem");
            w.WriteStartArray("content");
            w.WriteStartObject();
            w.WriteString("type", "paragraph");
            w.WriteStartArray("content");
            WriteText(w, part);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter w, string text)
    {
        w.WriteStartObject();
        w.WriteString("type", "text");
        w.WriteString("text", text);
        w.WriteEndObject();
    }
}
