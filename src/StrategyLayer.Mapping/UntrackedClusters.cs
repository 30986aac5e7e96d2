using System.Text.Encodings.Web;
using System.Text.Json;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;

namespace StrategyLayer.Mapping;

/// <summary>
/// What <see cref="UntrackedSuggester"/> gathers, fed one item at a time: so a caller that already
/// streams the store (the report's period computation) can build the suggestions in that same pass
/// instead of reading every item again. Feed items in the store's order: the examples are the first
/// ones seen.
/// </summary>
public sealed class UntrackedClusters
{
    private const int ExampleCount = 5;

    private static readonly JsonSerializerOptions SnippetJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<(string Attr, string Value), Cluster> untracked = [];
    private readonly Dictionary<(string Attr, string Value, string Scope), Dictionary<string, int>> mapped = [];

    // The scope clause of each project (and kind): the same few strings for every item of a store.
    private readonly Dictionary<(WorkItemKind Kind, string? Project), string> scopes = [];

    /// <summary>Counts one stored item; removed items and items with no mapping yet are left out.</summary>
    public void Add(WorkItem item, ItemMapping? mapping)
    {
        if (item.Removed is not null || mapping is null)
        {
            return;
        }

        if (!scopes.TryGetValue((item.Kind, item.Project), out var scope))
        {
            scopes[(item.Kind, item.Project)] = scope = ScopeClause(item);
        }

        foreach (var (attr, value) in Attributes(item))
        {
            if (mapping.Untracked)
            {
                if (!untracked.TryGetValue((attr, value), out var c))
                {
                    untracked[(attr, value)] = c = new Cluster();
                }

                c.Add(item, scope);
            }
            else if (mapping.MeasureId is { } measure)
            {
                Count((attr, value, scope), measure);
                Count((attr, value, ""), measure);
            }
        }
    }

    /// <summary>The biggest clusters of at least <paramref name="minSize"/> items, at most <paramref name="max"/>.</summary>
    public IReadOnlyList<Suggestion> Suggest(int minSize = 3, int max = 10) =>
        [.. untracked
            .Where(p => p.Value.Size >= minSize)
            .Select(p => Build(p.Key.Attr, p.Key.Value, p.Value))
            .OrderByDescending(s => s.Size)
            .ThenBy(s => s.Attribute is "project" or "team" or "assignment_group" ? 1 : 0)
            .ThenBy(s => s.When, StringComparer.OrdinalIgnoreCase)
            .Take(max)];

    private Suggestion Build(string attr, string value, Cluster cluster)
    {
        // When every item of the cluster comes from one project (or one ServiceNow table), say so in the rule.
        var scope = cluster.Scopes.Count == 1 && !cluster.Scopes.Keys.First().StartsWith(attr + " ", StringComparison.Ordinal) ? cluster.Scopes.Keys.First() : "";
        var clause = $"{attr} = {UntrackedSuggester.Quote(value)}";
        var when = scope.Length > 0 ? $"{scope} and {clause}" : clause;
        string? measure = null;
        double? share = null;
        if (mapped.TryGetValue((attr, value, scope), out var measures) && measures.Count > 0)
        {
            var top = measures.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First();
            measure = top.Key;
            share = (double)top.Value / measures.Values.Sum();
        }

        var id = "untracked-" + UntrackedSuggester.Slug((scope.Length > 0 ? scope[(scope.LastIndexOf(' ') + 1)..] + "-" : "") + value);
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

        foreach (var label in Distinct(item.Labels))
        {
            yield return ("labels", label);
        }

        foreach (var component in Distinct(item.Components))
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

    /// <summary>The values once each, ignoring case (most items carry none or one: no set is made for them).</summary>
    private static IReadOnlyList<string> Distinct(IReadOnlyList<string>? values) =>
        values is null or { Count: 0 } ? [] : values.Count == 1 ? values : [.. values.Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string ScopeClause(WorkItem item) =>
        item.Kind == WorkItemKind.Issue
            ? string.IsNullOrEmpty(item.Project) ? "" : "project = " + UntrackedSuggester.Quote(item.Project)
            : "kind = " + item.Kind.ToString().ToLowerInvariant();

    private void Count((string, string, string) key, string measure)
    {
        if (!mapped.TryGetValue(key, out var byMeasure))
        {
            mapped[key] = byMeasure = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        }

        byMeasure[measure] = byMeasure.GetValueOrDefault(measure) + 1;
    }

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
