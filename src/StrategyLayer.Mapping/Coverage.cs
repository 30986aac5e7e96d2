using System.Text.Json.Serialization;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;

namespace StrategyLayer.Mapping;

/// <summary>Coverage: the share of in-scope items (and of their estimate) that is mapped, overall and per team, project and source.</summary>
public sealed record Coverage(
    [property: JsonPropertyName("overall")] CoverageFigure Overall,
    [property: JsonPropertyName("byTeam")] IReadOnlyList<CoverageFigure> ByTeam,
    [property: JsonPropertyName("byProject")] IReadOnlyList<CoverageFigure> ByProject,
    [property: JsonPropertyName("bySource")] IReadOnlyList<CoverageFigure> BySource)
{
    public const string NoneName = "(none)";

    /// <summary>One pass over the items (streamed); items with no mapping, or not in scope, are skipped.</summary>
    public static Coverage Compute(IEnumerable<WorkItem> items, IReadOnlyDictionary<string, ItemMapping> mappings)
    {
        var overall = new Tally();
        var teams = new Dictionary<string, Tally>(StringComparer.OrdinalIgnoreCase);
        var projects = new Dictionary<string, Tally>(StringComparer.OrdinalIgnoreCase);
        var sources = new Dictionary<string, Tally>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            if (!mappings.TryGetValue(item.Uid, out var m) || !m.InScope || item.Removed is not null)
            {
                continue;
            }

            var mapped = m.MeasureId is not null;
            var estimate = item.Estimate is { } e && double.IsFinite(e) && e > 0 ? e : 0;
            overall.Add(mapped, estimate);
            Get(teams, item.Team).Add(mapped, estimate);
            Get(projects, item.Project).Add(mapped, estimate);
            Get(sources, item.Source).Add(mapped, estimate);
        }

        return new Coverage(overall.Figure("overall"), Figures(teams), Figures(projects), Figures(sources));
    }

    private static Tally Get(Dictionary<string, Tally> tallies, string? name)
    {
        name = string.IsNullOrEmpty(name) ? NoneName : name;
        if (!tallies.TryGetValue(name, out var t))
        {
            tallies[name] = t = new Tally();
        }

        return t;
    }

    private static List<CoverageFigure> Figures(Dictionary<string, Tally> tallies) =>
        [.. tallies.Select(p => p.Value.Figure(p.Key)).OrderBy(f => f.ItemShare).ThenBy(f => f.Name, StringComparer.OrdinalIgnoreCase)];

    private sealed class Tally
    {
        private int _inScope;
        private int _mapped;
        private double _estimate;
        private double _mappedEstimate;

        public void Add(bool mapped, double estimate)
        {
            _inScope++;
            _estimate += estimate;
            if (mapped)
            {
                _mapped++;
                _mappedEstimate += estimate;
            }
        }

        public CoverageFigure Figure(string name) => new(name, _inScope, _mapped, _inScope - _mapped, _estimate, _mappedEstimate);
    }
}
