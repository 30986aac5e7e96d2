using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Reporting.Model;
using StrategyLayer.Reporting.Snapshots;

namespace StrategyLayer.Reporting.Building;

/// <summary>
/// One pass over the stored items: per-measure and per-team figures, blockers and untracked
/// clusters are aggregated as items stream past, and each in-scope item becomes one compressed
/// snapshot row. Memory holds the aggregates and capped samples, never the items.
/// </summary>
internal sealed partial class PeriodComputation : IDisposable
{
    private readonly ReportSettings settings;
    private readonly ItemLinks links;
    private readonly DateTimeOffset evalAt;
    private readonly Dictionary<string, MeasureAccumulator> measures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, BlockerAccumulator> blockers = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedDictionary<string, (CoverageTally Coverage, CappedList<ItemRef> Untracked)> teams = new(StringComparer.OrdinalIgnoreCase);
    private readonly CoverageTally coverage = new();
    private readonly Dictionary<(string Team, string Attribute, string Value), int> clusters = [];
    private readonly SnapshotRowWriter rows = new();
    private readonly HashSet<string> sources = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> storedSources = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> openBlockers = [];

    private readonly LinkFirstSeen? linkHistory;

    public PeriodComputation(StrategyTree tree, IItemFilterCompiler filters, ReportSettings settings, ItemLinks links, DateTimeOffset evalAt, LinkFirstSeen? linkHistory = null)
    {
        this.linkHistory = linkHistory;
        this.settings = settings;
        this.links = links;
        this.evalAt = evalAt;
        DataQuality = new DataQualityLog(settings.MaxRows);
        foreach (var unusable in tree.UnusableValues)
        {
            DataQuality.Add(new DataQualityEntry(DataQualityEntry.UnusableValue, unusable.Problem + "; the row is left out", File: unusable.File, Line: unusable.Line));
        }

        foreach (var (measure, path) in MeasuresWithPaths(tree))
        {
            Func<WorkItem, bool>? numerator = null;
            Func<WorkItem, bool>? denominator = null;
            if (measure.Kpi.Actual is ComputedActual computed)
            {
                numerator = string.IsNullOrWhiteSpace(computed.Numerator) ? null : filters.Compile(computed.Numerator, evalAt);
                denominator = string.IsNullOrWhiteSpace(computed.Denominator) ? null : filters.Compile(computed.Denominator, evalAt);
            }

            measures[measure.Id] = new MeasureAccumulator(measure, path, numerator, denominator, settings.MaxReasonItems);
        }
    }

    /// <summary>The period's coverage, counted by the one tally every surface shares.</summary>
    public Coverage Coverage => coverage.Coverage;

    public int NotYetMapped => coverage.NotYetMapped;

    /// <summary>Sources with an in-scope item.</summary>
    public IReadOnlyCollection<string> Sources => sources;

    /// <summary>Sources with any stored item: where a link may resolve.</summary>
    public IReadOnlyCollection<string> StoredSources => storedSources;

    /// <summary>What the data could not fully give the figures; add an entry for any new kind of problem.</summary>
    public DataQualityLog DataQuality { get; }

    public IReadOnlyDictionary<string, MeasureAccumulator> Measures => measures;

    public void Add(WorkItem item, ItemMapping? mapping)
    {
        if (item.Removed is null)
        {
            storedSources.Add(item.Source);
        }

        // Counted like `map` and `items --json` do: removed items and items the mapping stage has not
        // seen yet count nowhere (the pack says how many are not mapped yet); out-of-scope items count
        // apart, for the whole and for their team.
        var kind = coverage.Add(item.Removed is not null, mapping);
        if (kind is CoverageKind.Removed or CoverageKind.NotYetMapped)
        {
            return;
        }

        var team = TeamOf(item);
        var teamEntry = teams.TryGetValue(team, out var t) ? t : (Coverage: new CoverageTally(), Untracked: new CappedList<ItemRef>(settings.MaxReasonItems));
        teams[team] = teamEntry;
        teamEntry.Coverage.Add(kind);
        if (kind == CoverageKind.OutOfScope)
        {
            return;
        }

        sources.Add(item.Source);
        var measureId = mapping!.MeasureId;
        var itemRef = new ItemRef(item.Id, item.Key, item.Title, links.ForItem(item.Id, item.BrowseUrl), team, item.Status);

        openBlockers.Clear();
        if (item.Category is not (StatusCategory.Done or StatusCategory.Cancelled))
        {
            // The store may hand back null for an empty list: read defensively.
            foreach (var link in item.Links ?? [])
            {
                if (link.IsBlockedBy && link.TargetCategory is not (StatusCategory.Done or StatusCategory.Cancelled))
                {
                    var target = LinkResolver.Qualify(item.Source, link.TargetKey);
                    if (!blockers.TryGetValue(target, out var blocker))
                    {
                        blocker = new BlockerAccumulator(target, link, settings.MaxReasonItems);
                        blockers[target] = blocker;
                    }

                    blocker.Add(item, itemRef, team, measureId, linkHistory?.For(item.Uid, link.TargetKey, item.Updated) ?? item.Updated);
                    openBlockers.Add(target);
                }
            }
        }

        if (measureId is not null)
        {
            if (measures.TryGetValue(measureId, out var acc))
            {
                acc.Add(item, itemRef, evalAt, settings, openBlockers, team);
            }
        }
        else
        {
            teamEntry.Untracked.Add(itemRef);
            var (attribute, value) = ClusterOf(item);
            var key = (team, attribute, value);
            clusters[key] = clusters.TryGetValue(key, out var n) ? n + 1 : 1;
        }

        rows.Add(new PeriodItem
        {
            Id = item.Id,
            Key = item.Key,
            Title = item.Title,
            Url = itemRef.Url,
            Team = team,
            Type = item.Type ?? item.Kind.ToString().ToLowerInvariant(),
            Status = item.Status,
            Category = CategoryName(item.Category),
            Assignee = item.Assignee,
            Measure = measureId,
            DecidedBy = mapping.DecidedBy.Kind.ToString().ToLowerInvariant(),
            Rule = mapping.DecidedBy.Rule,
            Via = mapping.DecidedBy.Via is { Count: > 0 } via ? via : null,
            Label = measureId is null && ClusterOf(item) is { Attribute: not "type" } cluster ? cluster.Value : null,
            Tags = measureId is null && (item.Labels is { Count: > 0 } || item.Components is { Count: > 0 })
                ? [.. (item.Labels ?? []).Concat(item.Components ?? [])]
                : null,
        });
    }

    public byte[] FinishRows() => rows.Finish();

    /// <summary>The team an item counts for: its team, else its project.</summary>
    public static string TeamOf(WorkItem item) => item.Team ?? item.Project ?? "(no team)";

    public void Dispose() => rows.Dispose();

    public static string CategoryName(StatusCategory category) => category switch
    {
        StatusCategory.ToDo => "todo",
        StatusCategory.InProgress => "inprogress",
        StatusCategory.Done => "done",
        _ => "cancelled",
    };

    private static (string Attribute, string Value) ClusterOf(WorkItem item) =>
        item.Labels is { Count: > 0 } labels ? ("label", labels.Order(StringComparer.OrdinalIgnoreCase).First())
        : item.Components is { Count: > 0 } components ? ("component", components.Order(StringComparer.OrdinalIgnoreCase).First())
        : ("type", item.Type ?? item.Kind.ToString().ToLowerInvariant());

    private static IEnumerable<(Measure Measure, string Path)> MeasuresWithPaths(StrategyTree tree) =>
        from portfolio in tree.Organization.Portfolios
        from program in portfolio.Programs
        from project in program.Projects
        from package in project.MeasurePackages
        from measure in package.Measures
        select (measure, string.Join(" › ", portfolio.Name, program.Name, project.Name, package.Name));
}
