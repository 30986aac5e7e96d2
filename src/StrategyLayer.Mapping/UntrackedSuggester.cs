using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;

namespace StrategyLayer.Mapping;

/// <summary>
/// Finds clusters of untracked items that share a project, label, component, team (assignment group)
/// or configuration item, and proposes for each the rule text, a ready-to-paste JSON rule and the
/// measure the mapped items sharing the same attribute already map to. One streamed pass; memory
/// grows with the number of distinct attribute values, not with items.
/// </summary>
public static partial class UntrackedSuggester
{
    private const int ExampleCount = 5;

    private static readonly JsonSerializerOptions SnippetJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<Suggestion> Suggest(IEnumerable<WorkItem> items, IReadOnlyDictionary<string, ItemMapping> mappings, int minSize = 3, int max = 10)
    {
        var untracked = new Dictionary<(string Attr, string Value), Cluster>();
        var mapped = new Dictionary<(string Attr, string Value, string Scope), Dictionary<string, int>>();
        foreach (var item in items)
        {
            if (item.Removed is not null || !mappings.TryGetValue(item.Uid, out var m))
            {
                continue;
            }

            var scope = ScopeClause(item);
            foreach (var (attr, value) in Attributes(item))
            {
                if (m.Untracked)
                {
                    if (!untracked.TryGetValue((attr, value), out var c))
                    {
                        untracked[(attr, value)] = c = new Cluster();
                    }

                    c.Add(item, scope);
                }
                else if (m.MeasureId is { } measure)
                {
                    Count(mapped, (attr, value, scope), measure);
                    Count(mapped, (attr, value, ""), measure);
                }
            }
        }

        return [.. untracked
            .Where(p => p.Value.Size >= minSize)
            .Select(p => Build(p.Key.Attr, p.Key.Value, p.Value, mapped))
            .OrderByDescending(s => s.Size)
            .ThenBy(s => s.Attribute is "project" or "team" or "assignment_group" ? 1 : 0)
            .ThenBy(s => s.When, StringComparer.OrdinalIgnoreCase)
            .Take(max)];
    }

    private static Suggestion Build(string attr, string value, Cluster cluster, Dictionary<(string, string, string), Dictionary<string, int>> mapped)
    {
        // When every item of the cluster comes from one project (or one ServiceNow table), say so in the rule.
        var scope = cluster.Scopes.Count == 1 && !cluster.Scopes.Keys.First().StartsWith(attr + " ", StringComparison.Ordinal) ? cluster.Scopes.Keys.First() : "";
        var clause = $"{attr} = {Quote(value)}";
        var when = scope.Length > 0 ? $"{scope} and {clause}" : clause;
        string? measure = null;
        double? share = null;
        if (mapped.TryGetValue((attr, value, scope), out var measures) && measures.Count > 0)
        {
            var top = measures.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First();
            measure = top.Key;
            share = (double)top.Value / measures.Values.Sum();
        }

        var id = "untracked-" + Slug((scope.Length > 0 ? scope[(scope.LastIndexOf(' ') + 1)..] + "-" : "") + value);
        var snippet = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["id"] = id,
            ["when"] = when,
            ["measure"] = measure ?? "CHOOSE-A-MEASURE",
        }, SnippetJson);
        return new Suggestion(attr, value, cluster.Size, when, measure, share, cluster.Examples, snippet);
    }

    private static IEnumerable<(string Attr, string Value)> Attributes(WorkItem item)
    {
        if (item.Kind == WorkItemKind.Issue && !string.IsNullOrEmpty(item.Project))
        {
            yield return ("project", item.Project);
        }

        foreach (var label in (item.Labels ?? []).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            yield return ("labels", label);
        }

        foreach (var component in (item.Components ?? []).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            yield return ("components", component);
        }

        // A Jira team is the project key by default: the project cluster already says it.
        if (!string.IsNullOrEmpty(item.Team) && !string.Equals(item.Team, item.Project, StringComparison.OrdinalIgnoreCase))
        {
            yield return (item.Kind == WorkItemKind.Issue ? "team" : "assignment_group", item.Team);
        }

        if (Query.FieldCatalog.Extra(item, "cmdb_ci") is { Length: > 0 } ci)
        {
            yield return ("cmdb_ci", ci);
        }
    }

    private static string ScopeClause(WorkItem item) =>
        item.Kind == WorkItemKind.Issue
            ? string.IsNullOrEmpty(item.Project) ? "" : "project = " + Quote(item.Project)
            : "kind = " + item.Kind.ToString().ToLowerInvariant();

    private static void Count(Dictionary<(string, string, string), Dictionary<string, int>> counts, (string, string, string) key, string measure)
    {
        if (!counts.TryGetValue(key, out var byMeasure))
        {
            counts[key] = byMeasure = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        }

        byMeasure[measure] = byMeasure.GetValueOrDefault(measure) + 1;
    }

    /// <summary>A value as the rule language reads it: bare when it is a plain word, else quoted.</summary>
    public static string Quote(string value) =>
        BareWord().IsMatch(value) && value.ToLowerInvariant() is not ("and" or "or" or "not" or "in" or "is" or "empty" or "null")
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Slug(string text) => SlugChars().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex(@"^[A-Za-z0-9_.:/@-]+$")]
    private static partial Regex BareWord();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex SlugChars();

    private sealed class Cluster
    {
        public int Size { get; private set; }
        public Dictionary<string, int> Scopes { get; } = new(StringComparer.OrdinalIgnoreCase);
        public List<string> Examples { get; } = [];

        public void Add(WorkItem item, string scope)
        {
            Size++;
            Scopes[scope] = Scopes.GetValueOrDefault(scope) + 1;
            if (Examples.Count < ExampleCount)
            {
                Examples.Add(item.Id);
            }
        }
    }
}
