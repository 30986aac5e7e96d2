using StrategyLayer.Reporting.Building;
using StrategyLayer.Reporting.Model;
using StrategyLayer.Reporting.Snapshots;

namespace StrategyLayer.Reporting;

public sealed partial class ReportBuilder
{
    /// <summary>One pack's model from the period's figures; item tables are read from the compressed rows.</summary>
    public Task<ReportModel> BuildAsync(PeriodData data, ReportScope scope, IReadOnlyList<RuleSuggestion>? suggestions, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var agg = data.Aggregates;
        var zone = environment.TimeZone;
        var changes = ChangeDetector.Compare(agg, data.Previous, data.Period.Previous.Name, data.PreviousState, settings.TopBlockers);
        var measures = agg.Measures
            .Select(m => m with { Trend = TrendChart.Render(m.Name, m.TrendPoints, m.Unit) })
            .ToList();

        var teamWork = new Dictionary<string, (int Items, int Done, int Open)>(StringComparer.OrdinalIgnoreCase);
        var (rows, total, more) = scope.Kind switch
        {
            ScopeKind.Team => TeamRows(data.ItemRows, scope.Team ?? "", measures, teamWork, cancellationToken),
            ScopeKind.Untracked => UntrackedRows(data.ItemRows, measures, suggestions ?? [], cancellationToken),
            _ => ([], 0, 0),
        };
        var freshnessLevel = agg.Freshness.Count == 0 ? "green"
            : Assessment.Name(agg.Freshness.Max(f => Assessment.Parse(f.Level)));
        var model = new ReportModel
        {
            Template = scope.DefaultTemplate,
            Title = scope.Kind switch
            {
                ScopeKind.Team => $"{scope.Team} — delivery lead pack {data.Period.Name}",
                ScopeKind.Untracked => $"{agg.Organization} — untracked work {data.Period.Name}",
                _ => $"{agg.Organization} — portfolio pack {data.Period.Name}",
            },
            Organization = agg.Organization,
            Scope = scope.Kind.ToString().ToLowerInvariant(),
            Team = scope.Team,
            Period = data.Period.Name,
            PeriodStart = data.Period.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            PeriodEnd = data.Period.End.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            AsOf = FreshnessReader.Format(agg.EvaluatedAt, zone),
            GeneratedAt = FreshnessReader.Format(time.GetUtcNow(), zone),
            State = PeriodReport.StateName(data.State),
            ElapsedPercent = agg.ElapsedPercent,
            RollUpRule = StatusRules.RollUpRule,
            StatusRules = agg.StatusRules,
            Summary = agg.Summary,
            Decisions = agg.Decisions,
            Tree = agg.Tree,
            Measures = measures,
            Blockers = [.. agg.Blockers.Take(settings.TopBlockers)],
            BlockersMore = Math.Max(0, agg.Blockers.Count - settings.TopBlockers),
            UntrackedByTeam = agg.UntrackedByTeam,
            Teams = agg.Teams,
            DataQuality = agg.DataQuality,
            Changes = changes,
            Freshness = agg.Freshness,
            FreshnessLevel = freshnessLevel,
            Items = rows,
            ItemsTotal = total,
            ItemsMore = more,
            ItemsMoreUrl = scope.Kind switch
            {
                ScopeKind.Team => links.ForTeam(scope.Team ?? ""),
                ScopeKind.Untracked => links.ForUntracked(),
                _ => null,
            },
            TeamSummary = scope.Kind == ScopeKind.Team
                ? agg.UntrackedByTeam.FirstOrDefault(t => string.Equals(t.Team, scope.Team, StringComparison.OrdinalIgnoreCase))
                    ?? new TeamUntrackedView(scope.Team ?? "", 0, 0, 0, null, [])
                : null,
            Suggestions = suggestions ?? [],
            TeamMeasures = [.. measures
                .Where(m => teamWork.ContainsKey(m.Id))
                .OrderByDescending(m => Math.Max((int)m.Implementation.Rag, (int)m.Potential.Rag))
                .Select(m => new TeamMeasureView(m, teamWork[m.Id].Items, teamWork[m.Id].Done, teamWork[m.Id].Open))],
            YouAreBlocking = scope.Kind == ScopeKind.Team ? TeamDependencies.Blocking(scope.Team ?? "", agg.Blockers, measures) : [],
            BlockedByOthers = scope.Kind == ScopeKind.Team ? TeamDependencies.BlockedBy(scope.Team ?? "", agg.Blockers, measures) : [],
        };
        return Task.FromResult(model);
    }

    // Untracked first, then the rest; each capped so a big team stays bounded.
    private (IReadOnlyList<PeriodItem> Rows, int Total, int More) TeamRows(
        byte[] compressed,
        string team,
        IReadOnlyList<MeasureView> measures,
        Dictionary<string, (int Items, int Done, int Open)> work,
        CancellationToken ct)
    {
        var names = measures.ToDictionary(m => m.Id, m => m.Name, StringComparer.OrdinalIgnoreCase);
        var untracked = new CappedList<PeriodItem>(settings.MaxRows);
        var tracked = new CappedList<PeriodItem>(settings.MaxRows);
        foreach (var row in SnapshotService.ReadRows(compressed))
        {
            if (string.Equals(row.Team, team, StringComparison.OrdinalIgnoreCase))
            {
                ct.ThrowIfCancellationRequested();
                (row.Measure is null ? untracked : tracked).Add(View(row, names));
                if (row.Measure is not null && row.Category != "cancelled")
                {
                    var (items, done, open) = work.TryGetValue(row.Measure, out var w) ? w : default;
                    work[row.Measure] = row.Category == "done" ? (items + 1, done + 1, open) : (items + 1, done, open + 1);
                }
            }
        }

        var list = untracked.Items.OrderBy(r => r.Key, KeyOrder.Instance)
            .Concat(tracked.Items.OrderBy(r => r.Measure, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Key, KeyOrder.Instance))
            .Take(settings.MaxRows)
            .ToList();
        var total = untracked.Total + tracked.Total;
        return (list, total, total - list.Count);
    }

    private (IReadOnlyList<PeriodItem> Rows, int Total, int More) UntrackedRows(byte[] compressed, IReadOnlyList<MeasureView> measures, IReadOnlyList<RuleSuggestion> suggestions, CancellationToken ct)
    {
        var names = measures.ToDictionary(m => m.Id, m => m.Name, StringComparer.OrdinalIgnoreCase);
        var untracked = new CappedList<PeriodItem>(settings.MaxRows);
        foreach (var row in SnapshotService.ReadRows(compressed))
        {
            if (row.Measure is null)
            {
                ct.ThrowIfCancellationRequested();
                var view = View(row, names);
                if (SuggestionFor(row, suggestions) is { } suggestion)
                {
                    view = view with { SuggestedRule = suggestion.RuleText, SuggestedMeasure = suggestion.Measure };
                }

                untracked.Add(view);
            }
        }

        var list = untracked.Items
            .OrderBy(r => r.Team, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Key, KeyOrder.Instance)
            .ToList();
        return (list, untracked.Total, untracked.More);
    }

    // The biggest suggestion whose attribute the item shares, or that names it as a sample.
    private static RuleSuggestion? SuggestionFor(PeriodItem row, IReadOnlyList<RuleSuggestion> suggestions)
    {
        foreach (var s in suggestions.OrderByDescending(s => s.Count))
        {
            var matches = s.Attribute.ToLowerInvariant() switch
            {
                "labels" or "label" or "components" or "component" => row.Tags?.Contains(s.Value, StringComparer.OrdinalIgnoreCase) ?? false,
                "team" or "assignment_group" or "project" => string.Equals(row.Team, s.Value, StringComparison.OrdinalIgnoreCase),
                "type" => string.Equals(row.Type, s.Value, StringComparison.OrdinalIgnoreCase),
                _ => false,
            };
            if (matches || s.SampleKeys.Contains(row.Id, StringComparer.OrdinalIgnoreCase) || s.SampleKeys.Contains(row.Key, StringComparer.OrdinalIgnoreCase))
            {
                return s;
            }
        }

        return null;
    }

    // What a pack adds to a stored row: the measure's name, and an empty inherited path rather than none.
    private static PeriodItem View(PeriodItem row, IReadOnlyDictionary<string, string> names) => row with
    {
        MeasureName = row.Measure is not null && names.TryGetValue(row.Measure, out var n) ? n : null,
        Via = row.Via ?? [],
    };
}
