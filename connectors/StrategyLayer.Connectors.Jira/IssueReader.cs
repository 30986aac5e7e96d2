using System.Runtime.InteropServices;
using System.Text.Json;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Connectors.Jira;

/// <summary>Normalizes one issue's JSON into a <see cref="WorkItem"/>, or says why it cannot.</summary>
internal sealed partial class IssueReader
{
    private static readonly Dictionary<string, int> StandardPriorities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Highest"] = 1,
        ["Blocker"] = 1,
        ["High"] = 2,
        ["Critical"] = 2,
        ["Medium"] = 3,
        ["Major"] = 3,
        ["Low"] = 4,
        ["Minor"] = 4,
        ["Lowest"] = 5,
        ["Trivial"] = 5,
    };

    private readonly SourceSettings _settings;
    private readonly JiraFlavor _flavor;
    private readonly string? _epicLinkField;
    private readonly string _browseBase;
    private readonly HashSet<string> _notDone;

    public IssueReader(SourceSettings settings, JiraFlavor flavor, string? epicLinkField)
    {
        _settings = settings;
        _flavor = flavor;
        _epicLinkField = epicLinkField;
        _browseBase = settings.BaseUrl.AbsoluteUri.TrimEnd('/') + "/browse/";
        _notDone = new HashSet<string>(settings.NotDoneResolutions, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The fields the change search asks for: Cloud returns only ids unless told.</summary>
    public IReadOnlyList<string> RequestedFields()
    {
        var fields = new List<string>
        {
            "summary", "description", "status", "resolution", "issuetype", "priority", "project",
            "assignee", "reporter", "labels", "components", "fixVersions", "parent", "issuelinks",
            "created", "updated", "resolutiondate", "duedate",
        };
        foreach (var extra in _settings.Fields.Values.Append(_settings.EstimateField).Append(_settings.TeamField).Append(_epicLinkField))
        {
            if (!string.IsNullOrWhiteSpace(extra) && !fields.Contains(extra))
            {
                fields.Add(extra);
            }
        }

        return fields;
    }

    public SourceRecord Read(JsonElement issue)
    {
        var id = Text(issue, "id");
        var key = Text(issue, "key");
        if (issue.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedIssueException(null, null, $"an issue is {issue.ValueKind}, not an object");
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            throw new MalformedIssueException(key, null, "the issue has no id");
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            throw new MalformedIssueException(null, id, $"issue {id} has no key");
        }

        if (!issue.TryGetProperty("fields", out var f) || f.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedIssueException(key, id, $"{key}: the issue has no fields object");
        }

        var status = Prop(f, "status");
        var project = Text(Prop(f, "project"), "key");
        var resolution = Text(Prop(f, "resolution"), "name");
        var priority = Prop(f, "priority");
        var parent = Prop(f, "parent");
        var parentKey = Text(parent, "key");
        var (assignee, assigneeId) = Person(Prop(f, "assignee"));
        var (reporter, reporterId) = Person(Prop(f, "reporter"));

        var fields = new Dictionary<string, string?>();
        if (assigneeId is not null)
        {
            fields["assigneeId"] = assigneeId;
        }

        if (reporterId is not null)
        {
            fields["reporterId"] = reporterId;
        }

        foreach (var (name, fieldId) in _settings.Fields)
        {
            fields[name] = FieldText.Render(Prop(f, fieldId));
        }

        var item = new WorkItem
        {
            Source = _settings.Name,
            SourceId = id,
            Key = key,
            Kind = WorkItemKind.Issue,
            Title = Text(f, "summary") ?? "",
            Description = Description(Prop(f, "description")),
            Status = Text(status, "name") ?? throw new MalformedIssueException(key, id, $"{key}: fields.status.name is missing"),
            Category = Category(Text(Prop(status, "statusCategory"), "key"), resolution),
            Resolution = resolution,
            Type = Text(Prop(f, "issuetype"), "name"),
            Priority = Text(priority, "name"),
            PriorityRank = Rank(priority),
            Project = project,
            Team = _settings.TeamField is { Length: > 0 } tf ? FieldText.Render(Prop(f, tf)) : project,
            Assignee = assignee,
            Reporter = reporter,
            Labels = Strings(Prop(f, "labels")),
            Components = Names(Prop(f, "components")),
            FixVersions = Names(Prop(f, "fixVersions")),
            Parent = parentKey,
            Epic = Epic(f, parent, parentKey),
            Links = Links(Prop(f, "issuelinks")),
            Created = Date(f, "created", key, id, required: true)!.Value,
            Updated = Date(f, "updated", key, id, required: true)!.Value,
            Resolved = Date(f, "resolutiondate", key, id, required: false),
            Due = Date(f, "duedate", key, id, required: false),
            Estimate = _settings.EstimateField is { Length: > 0 } ef ? FieldText.Number(Prop(f, ef)) : null,
            BrowseUrl = _browseBase + Uri.EscapeDataString(key),
            Fields = fields,
        };
        // The raw record is the issue's JSON as Jira sent it, copied out of the page (no re-encoding).
        return new SourceRecord(item, JsonMarshal.GetRawUtf8Value(issue).ToArray());
    }

    private string? Description(JsonElement value) =>
        _flavor == JiraFlavor.Cloud || value.ValueKind == JsonValueKind.Object ? AdfText.ToPlainText(value) : FieldText.Render(value);

    private StatusCategory Category(string? key, string? resolution) => key switch
    {
        "done" when resolution is not null && _notDone.Contains(resolution) => StatusCategory.Cancelled,
        "done" => StatusCategory.Done,
        "indeterminate" => StatusCategory.InProgress,
        _ => StatusCategory.ToDo,
    };

    private string? Epic(JsonElement fields, JsonElement parent, string? parentKey)
    {
        if (_epicLinkField is { Length: > 0 } epicField && FieldText.Render(Prop(fields, epicField)) is { Length: > 0 } epic)
        {
            return epic;
        }

        var parentType = Prop(Prop(Prop(parent, "fields"), "issuetype"), "name");
        var level = Prop(Prop(Prop(parent, "fields"), "issuetype"), "hierarchyLevel");
        var isEpic = (parentType.ValueKind == JsonValueKind.String && string.Equals(parentType.GetString(), "Epic", StringComparison.OrdinalIgnoreCase))
            || (level.ValueKind == JsonValueKind.Number && level.GetInt32() == 1);
        return isEpic ? parentKey : null;
    }

    private static int? Rank(JsonElement priority)
    {
        if (Text(priority, "name") is { } name && StandardPriorities.TryGetValue(name, out var rank))
        {
            return rank;
        }

        // A custom scheme: Jira numbers priorities in the order they were created, highest first by default.
        return int.TryParse(Text(priority, "id"), out var id) ? id : null;
    }
}
