namespace StrategyLayer.Sandbox.Jira;

/// <summary>The <c>fields</c> parameter: names, <c>*all</c>, <c>*navigable</c>, <c>-name</c> exclusions.</summary>
internal sealed class JiraFieldSelection
{
    private static readonly string[] Common =
        ["summary", "status", "issuetype", "priority", "project", "assignee", "reporter", "labels", "components", "fixVersions", "parent", "issuelinks", "created", "updated", "resolutiondate", "duedate", "resolution", "description"];

    private readonly HashSet<string> fields = new(StringComparer.OrdinalIgnoreCase);

    private JiraFieldSelection()
    {
    }

    public bool Key { get; private set; }

    /// <summary>True when nothing beyond id and key was asked for (Jira then allows up to 5000 a page).</summary>
    public bool IdOrKeyOnly => fields.Count == 0;

    public static IReadOnlyList<string> All(JiraInstance flavor) =>
        flavor.Cloud ? [.. Common, JiraInstance.CloudStoryPoints] : [.. Common, JiraInstance.DataCenterStoryPoints, JiraInstance.DataCenterEpicLink];

    public static JiraFieldSelection Parse(IEnumerable<string>? requested, string fallback, JiraInstance flavor)
    {
        var selection = new JiraFieldSelection();
        var names = (requested ?? []).SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (names.Count == 0)
        {
            names.Add(fallback);
        }

        var all = All(flavor);
        foreach (var name in names)
        {
            if (name is "*all" or "*navigable")
            {
                selection.Key = true;
                selection.fields.UnionWith(all);
            }
            else if (name.Equals("key", StringComparison.OrdinalIgnoreCase))
            {
                selection.Key = true;
            }
            else if (name.Equals("id", StringComparison.OrdinalIgnoreCase) || name.StartsWith('-'))
            {
                continue;
            }
            else if (all.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                selection.Key = true;
                selection.fields.Add(all.First(a => a.Equals(name, StringComparison.OrdinalIgnoreCase)));
            }
        }

        foreach (var name in names.Where(n => n.StartsWith('-')))
        {
            selection.fields.Remove(name[1..]);
        }

        return selection;
    }

    public bool Has(string field) => fields.Contains(field);
}
