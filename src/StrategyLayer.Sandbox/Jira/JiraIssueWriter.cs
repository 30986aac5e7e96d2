using System.Globalization;
using System.Text.Json;
using StrategyLayer.Sandbox.Data;

namespace StrategyLayer.Sandbox.Jira;

/// <summary>Writes issues as Jira sends them, straight to the response stream.</summary>
internal sealed partial class JiraIssueWriter(ItemIndex index, JiraInstance flavor, SandboxFaults? faults = null)
{
    private static readonly int[] StatusCategoryIds = [2, 4, 4, 4, 3];

    public void Write(Utf8JsonWriter w, JiraIssue issue, JiraFieldSelection selection)
    {
        var id = issue.Id.ToString(CultureInfo.InvariantCulture);
        w.WriteStartObject();
        if (selection.IdOrKeyOnly && !selection.Key)
        {
            w.WriteString("id", id);
            w.WriteEndObject();
            return;
        }

        w.WriteString("expand", "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations");
        w.WriteString("id", id);
        w.WriteString("self", flavor.Self("issue/" + id));
        w.WriteString("key", issue.Key);
        if (!selection.IdOrKeyOnly)
        {
            w.WritePropertyName("fields");
            WriteFields(w, issue, selection);
        }

        w.WriteEndObject();
    }

    private void WriteFields(Utf8JsonWriter w, JiraIssue issue, JiraFieldSelection s)
    {
        w.WriteStartObject();
        if (s.Has("summary"))
        {
            if (faults?.GarbledText.Contains(issue.Key) == true)
            {
                // Java writes a lone surrogate escaped: valid JSON that strict decoders refuse to read.
                w.WritePropertyName("summary");
                w.WriteRawValue("\"" + JsonEncodedText.Encode(issue.Summary).Value + " \\ud800\"", skipInputValidation: true);
            }
            else
            {
                w.WriteString("summary", issue.Summary);
            }
        }

        if (s.Has("status"))
        {
            w.WritePropertyName("status");
            WriteStatus(w, issue.Status);
        }

        if (s.Has("issuetype"))
        {
            w.WritePropertyName("issuetype");
            WriteIssueType(w, issue.Type);
        }

        if (s.Has("priority"))
        {
            w.WritePropertyName("priority");
            WritePriority(w, issue.Priority);
        }

        if (s.Has("project"))
        {
            w.WritePropertyName("project");
            w.WriteStartObject();
            var projectId = (10000 + issue.Project).ToString(CultureInfo.InvariantCulture);
            w.WriteString("self", flavor.Self("project/" + projectId));
            w.WriteString("id", projectId);
            w.WriteString("key", Vocabulary.ProjectKeys[issue.Project]);
            w.WriteString("name", Vocabulary.ProjectNames[issue.Project]);
            w.WriteString("projectTypeKey", "software");
            w.WriteEndObject();
        }

        if (s.Has("assignee"))
        {
            w.WritePropertyName("assignee");
            WritePerson(w, issue.Assignee);
        }

        if (s.Has("reporter"))
        {
            w.WritePropertyName("reporter");
            WritePerson(w, issue.Reporter);
        }

        if (s.Has("labels"))
        {
            w.WriteStartArray("labels");
            foreach (var label in issue.Labels)
            {
                w.WriteStringValue(label);
            }

            w.WriteEndArray();
        }

        if (s.Has("components"))
        {
            WriteNamedList(w, "components", "component", issue.Components, Vocabulary.Components);
        }

        if (s.Has("fixVersions"))
        {
            WriteNamedList(w, "fixVersions", "version", issue.FixVersions, Vocabulary.FixVersions);
        }

        if (s.Has("parent"))
        {
            // Cloud shows an epic as the parent of its children; Data Center only has sub-task parents (epics go in Epic Link).
            var parent = flavor.Cloud || issue.IsSubtask ? issue.Parent : -1;
            if (parent >= 0 && !index.IsDeleted(parent))
            {
                w.WritePropertyName("parent");
                WriteLinkedIssue(w, JiraGenerator.Generate(index, parent));
            }
        }

        if (s.Has("issuelinks"))
        {
            WriteLinks(w, issue);
        }

        if (s.Has("created"))
        {
            w.WriteString("created", faults?.Unreadable.Contains(issue.Key) == true ? "not a date" : Date(issue.Created));
        }

        if (s.Has("updated"))
        {
            w.WriteString("updated", Date(issue.Updated));
        }

        if (s.Has("resolutiondate"))
        {
            WriteNullableString(w, "resolutiondate", issue.Resolved is { } r ? Date(r) : null);
        }

        if (s.Has("duedate"))
        {
            WriteNullableString(w, "duedate", issue.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (s.Has("resolution"))
        {
            WriteResolution(w, issue.Resolution);
        }

        if (s.Has(flavor.StoryPointsField))
        {
            w.WritePropertyName(flavor.StoryPointsField);
            if (issue.StoryPoints is { } points)
            {
                w.WriteNumberValue(points);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        if (!flavor.Cloud && s.Has(JiraInstance.DataCenterEpicLink))
        {
            var epic = issue.IsSubtask ? -1 : issue.Epic;
            WriteNullableString(w, JiraInstance.DataCenterEpicLink, epic >= 0 && !index.IsDeleted(epic) ? index.Key(epic) : null);
        }

        if (s.Has("description"))
        {
            w.WritePropertyName("description");
            WriteDescription(w, issue.Description);
        }

        w.WriteEndObject();
    }

    private string Date(long unixSeconds)
    {
        var utc = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        var local = TimeZoneInfo.ConvertTime(utc, flavor.Zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return local.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + sign + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);
    }

    private static void WriteNullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
