using System.Globalization;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Reporting.Model;
using StrategyLayer.Reporting.Snapshots;

namespace StrategyLayer.Reporting.Building;

internal sealed partial class PeriodComputation
{
    // Looking up each blocker costs one store read; beyond this many, the link's own data is used.
    private const int MaxBlockerLookups = 2000;

    /// <summary>Turns the streamed figures into the period's aggregates (statuses, roll-up, decisions).</summary>
    public PeriodAggregates Finish(
        StrategyTree tree,
        ReportingPeriod period,
        double elapsedPercent,
        Func<string, WorkItem?> findItem,
        Func<string, string, double?> earlierActual,
        IReadOnlyList<FreshnessView> freshness)
    {
        var openBlockers = ResolveBlockers(findItem);
        var views = new Dictionary<string, MeasureView>(StringComparer.OrdinalIgnoreCase);
        foreach (var acc in measures.Values)
        {
            views[acc.Measure.Id] = MeasureFigures(acc, period, elapsedPercent, openBlockers, earlierActual);
        }

        var tree2 = TreeRows(tree, views);
        var orderedMeasures = tree.Measures.Select(m => views[m.Id]).ToList();
        var blockerList = openBlockers.Values
            .Where(b => b.Level != "green" || b.CrossTeam)
            .OrderByDescending(b => Assessment.Parse(b.Level))
            .ThenByDescending(b => b.CrossTeam)
            .ThenByDescending(b => b.AgeDays)
            .ThenByDescending(b => b.BlockedCount)
            .ThenBy(b => b.Blocker.Key, StringComparer.Ordinal)
            .ToList();
        var figures = Coverage;
        var summary = new SummaryView
        {
            InScope = figures.InScope,
            Mapped = figures.Mapped,
            Untracked = figures.Untracked,
            OutOfScope = figures.OutOfScope,
            NotYetMapped = NotYetMapped,
            CoveragePercent = Math.Round(100.0 * figures.MappedShare, 1),
            UntrackedPercent = Math.Round(100.0 * figures.UntrackedShare, 1),
            Measures = orderedMeasures.Count,
            MeasuresRed = orderedMeasures.Count(m => Worst(m) == Rag.Red),
            MeasuresAmber = orderedMeasures.Count(m => Worst(m) == Rag.Amber),
            MeasuresGreen = orderedMeasures.Count(m => Worst(m) == Rag.Green),
            BlockedItems = blockerList.Sum(b => b.BlockedCount),
            CrossTeamBlockers = blockerList.Count(b => b.CrossTeam),
            UntrackedUrl = links.ForUntracked(),
            DataQualityProblems = DataQuality.Total,
        };

        return new PeriodAggregates
        {
            Period = period.Name,
            EvaluatedAt = evalAt,
            Organization = tree.Organization.Name,
            ElapsedPercent = Math.Round(elapsedPercent, 1),
            Summary = summary,
            Measures = orderedMeasures,
            Tree = tree2,
            Decisions = Decisions(orderedMeasures, blockerList),
            Blockers = blockerList,
            UntrackedByTeam = [.. teams
                .Select(t => (Team: t.Key, Figures: t.Value.Coverage.Coverage, t.Value.Untracked))
                .Where(t => t.Figures.InScope > 0)
                .Select(t => new TeamUntrackedView(
                    t.Team, t.Figures.InScope, t.Figures.Untracked, Math.Round(100.0 * t.Figures.UntrackedShare, 1),
                    links.ForUntracked(t.Team), [.. t.Untracked.Items.OrderBy(i => i.Key, KeyOrder.Instance)])
                { OutOfScope = t.Figures.OutOfScope })
                .OrderByDescending(t => t.Untracked).ThenBy(t => t.Team, StringComparer.OrdinalIgnoreCase)],
            Teams = [.. teams.Select(t => TeamView(t.Key, t.Value.Coverage.Coverage))],
            DataQuality = DataQuality.Entries,
            Clusters = [.. clusters
                .Where(c => c.Value >= settings.MinClusterSize)
                .Select(c => new ClusterView(c.Key.Team, c.Key.Attribute, c.Key.Value, c.Value))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Team, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Value, StringComparer.OrdinalIgnoreCase)],
            Freshness = freshness,
            StatusRules = StatusRules.Describe(settings, tree.Measures),
        };
    }

    /// <summary>The blockers <see cref="Finish"/> looks up, in the order it does: the most blocking first, at most <see cref="MaxBlockerLookups"/>.</summary>
    public IReadOnlyList<string> BlockersToLookUp() =>
        [.. blockers.Values.OrderByDescending(b => b.Count).ThenBy(b => b.Key, StringComparer.Ordinal).Take(MaxBlockerLookups).Select(b => b.Key)];

    private Dictionary<string, BlockerView> ResolveBlockers(Func<string, WorkItem?> findItem)
    {
        var open = new Dictionary<string, BlockerView>(StringComparer.OrdinalIgnoreCase);
        var resolver = new LinkResolver(findItem, storedSources);
        var lookups = 0;
        foreach (var acc in blockers.Values.OrderByDescending(b => b.Count).ThenBy(b => b.Key, StringComparer.Ordinal))
        {
            // Beyond the lookup budget a link is taken on its own data, neither resolved nor named unresolved.
            var target = lookups++ < MaxBlockerLookups ? resolver.Resolve(acc.Key) : new LinkTarget(null, null);
            if (target.Item is { Category: StatusCategory.Done or StatusCategory.Cancelled })
            {
                continue; // evidence that the dependency is resolved
            }

            if (target.Problem is { } problem)
            {
                foreach (var id in acc.BlockedIds)
                {
                    DataQuality.Add(new DataQualityEntry(DataQualityEntry.UnresolvedLink, $"is blocked by {acc.BareKey}: {problem}; counted as an open dependency", Item: id));
                }
            }

            open[acc.Key] = acc.ToView(target.Item, target.Problem, links, evalAt, settings);
        }

        return open;
    }

    private MeasureView MeasureFigures(
        MeasureAccumulator acc,
        ReportingPeriod period,
        double elapsedPercent,
        IReadOnlyDictionary<string, BlockerView> openBlockers,
        Func<string, string, double?> earlierActual)
    {
        var m = acc.Measure;
        var planned = PeriodValues.Lookup(m.Kpi.Planned, period);
        var paced = PacedPlan.For(m.Kpi, period, elapsedPercent);
        double? actual = m.Kpi.Actual switch
        {
            EnteredActual entered => PeriodValues.Lookup(entered.Values, period),
            ComputedActual computed => acc.ComputedValue(computed),
            _ => null,
        };
        var itemsUrl = links.ForMeasure(m.Id);
        var points = new List<TrendPoint>();
        var cursor = period;
        for (var i = 0; i < settings.TrendPeriods; i++)
        {
            var pl = PeriodValues.Lookup(m.Kpi.Planned, cursor);
            var ac = i == 0 ? actual
                : m.Kpi.Actual is EnteredActual e ? PeriodValues.Lookup(e.Values, cursor)
                : earlierActual(cursor.Name, m.Id);
            points.Insert(0, new TrendPoint(cursor.Name, pl, ac));
            cursor = cursor.Previous;
        }

        while (points.Count > 1 && points[0].Planned is null && points[0].Actual is null)
        {
            points.RemoveAt(0);
        }

        var implementation = StatusRules.Implementation(acc, openBlockers, links, settings, elapsedPercent);
        var potential = StatusRules.Potential(m, paced, actual, period.Name, settings, itemsUrl);
        return new MeasureView
        {
            Id = m.Id,
            Name = m.Name,
            BusinessOwner = m.BusinessOwner,
            TechnicalOwner = m.TechnicalOwner,
            Path = acc.Path,
            Unit = m.Kpi.Unit,
            Direction = m.Kpi.Direction == KpiDirection.Up ? "up" : "down",
            Baseline = m.Kpi.Baseline,
            Target = m.Kpi.Target,
            Planned = planned,
            Actual = actual,
            ActualSource = m.Kpi.Actual switch
            {
                EnteredActual { CsvFile: not null } => "entered (csv)",
                EnteredActual => "entered",
                ComputedActual c => "computed: " + c.Of switch
                {
                    ComputedKind.DoneRatio => "done-ratio",
                    ComputedKind.Sum => "sum of " + (c.Field ?? "estimate"),
                    ComputedKind.Ratio => "ratio",
                    _ => "count",
                },
                _ => "",
            },
            Items = acc.Items,
            Done = acc.Done,
            Open = acc.Open,
            Overdue = acc.Overdue.Total,
            Stale = acc.Stale.Total,
            Blocked = acc.BlockedItems(openBlockers),
            DonePercent = acc.Items == 0 ? 0 : Math.Round(100.0 * acc.Done / acc.Items, 1),
            ItemsUrl = itemsUrl,
            PlannedNow = paced?.Bar,
            Pacing = PacedPlan.Name(m.Kpi.EffectivePacing),
            Implementation = implementation,
            Potential = potential,
            Headline = Headline(implementation, potential),
            TrendPoints = points,
        };
    }

    // The reason that matters most, for the one-line status: red first, then amber, else the value's.
    private static string Headline(Assessment implementation, Assessment potential) =>
        implementation.Reasons.Concat(potential.Reasons)
            .OrderByDescending(r => Assessment.Parse(r.Level))
            .ThenBy(r => implementation.Reasons.Contains(r) ? 1 : 0)
            .Select(r => r.Text)
            .FirstOrDefault() ?? "";

    private List<DecisionToMake> Decisions(IReadOnlyList<MeasureView> measureViews, IReadOnlyList<BlockerView> blockerList)
    {
        var decisions = new List<DecisionToMake>();
        foreach (var m in measureViews.Where(m => Worst(m) == Rag.Red))
        {
            var red = m.Implementation.Reasons.Concat(m.Potential.Reasons).Where(r => r.Level == "red").ToList();
            var items = red.SelectMany(r => r.Items).DistinctBy(i => i.Id).ToList();
            decisions.Add(new DecisionToMake(
                "red-measure",
                F($"{m.Name} ({m.Id}) is red"),
                string.Join("; ", red.Select(r => r.Text)),
                "Business owner: " + (m.BusinessOwner ?? "not named"),
                "Technical owner: " + (m.TechnicalOwner ?? "not named"),
                null,
                [.. items.Take(settings.MaxReasonItems)],
                Math.Max(0, items.Count - settings.MaxReasonItems)));
        }

        var owners = measureViews.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var b in blockerList.Where(b => b.CrossTeam && b.AgeDays >= settings.DecisionBlockerDays))
        {
            var measureOwners = b.Measures
                .Select(id => owners.TryGetValue(id, out var mv) ? F($"{mv.Id}: {mv.TechnicalOwner ?? mv.BusinessOwner ?? "no owner"}") : id)
                .ToList();
            var blockedSide = "Blocked: team " + string.Join(", ", b.BlockedTeams)
                + (b.BlockedAssignees.Count > 0 ? " (" + string.Join(", ", b.BlockedAssignees) + ")" : "")
                + (measureOwners.Count > 0 ? "; measure " + string.Join(", ", measureOwners) : "");
            var blockingSide = "Blocking: team " + b.BlockerTeam + " (" + (b.BlockerAssignee ?? "unassigned") + ")";
            decisions.Add(new DecisionToMake(
                "cross-team-blocker",
                F($"{b.Blocker.Key} (team {b.BlockerTeam}) blocks {b.BlockedCount} {(b.BlockedCount == 1 ? "item" : "items")} of team {string.Join(", ", b.BlockedTeams)}"),
                F($"Open {b.AgeDays} days, status {b.BlockerStatus}") + (b.Measures.Count > 0 ? "; threatens " + string.Join(", ", b.Measures) : ""),
                blockedSide,
                blockingSide,
                b.AgeDays,
                [b.Blocker, .. b.BlockedItems],
                Math.Max(0, b.BlockedCount - b.BlockedItems.Count)));
        }

        return decisions;
    }

    private static List<TreeRow> TreeRows(StrategyTree tree, IReadOnlyDictionary<string, MeasureView> views)
    {
        var rows = new List<TreeRow>();
        foreach (var portfolio in tree.Organization.Portfolios)
        {
            Emit(rows, 0, [], TreeNode.Of(portfolio), views);
        }

        return rows;
    }

    /// <summary>
    /// Adds the rows of <paramref name="node"/> and below. A node with one child is not a row of its
    /// own (its status would only repeat its child's): it is named in the chain of the row below.
    /// </summary>
    private static (Assessment Implementation, Assessment Potential) Emit(
        List<TreeRow> rows,
        int depth,
        IReadOnlyList<TreeLabel> chain,
        TreeNode node,
        IReadOnlyDictionary<string, MeasureView> views)
    {
        if (node.Level == "measure")
        {
            var v = views[node.Node.Id];
            rows.Add(new TreeRow(depth, "measure", v.Id, v.Name, v.BusinessOwner, v.TechnicalOwner, v.Implementation, v.Potential, chain));
            return (v.Implementation, v.Potential);
        }

        if (node.Children.Count == 1)
        {
            return Emit(rows, depth, [.. chain, new TreeLabel(node.Level, node.Node.Id, node.Node.Name)], node.Children[0], views);
        }

        var index = rows.Count;
        var results = node.Children.Select(c => (c.Node, Status: Emit(rows, depth + 1, [], c, views))).ToList();
        var implementation = StatusRules.RollUp([.. results.Select(r => (r.Node.Id, r.Node.Name, r.Status.Implementation))]);
        var potential = StatusRules.RollUp([.. results.Select(r => (r.Node.Id, r.Node.Name, r.Status.Potential))]);
        rows.Insert(index, new TreeRow(depth, node.Level, node.Node.Id, node.Node.Name, node.Node.BusinessOwner, node.Node.TechnicalOwner, implementation, potential, chain));
        return (implementation, potential);
    }

    private static TeamCoverageView TeamView(string team, Coverage c) => new(team, c.InScope, c.Mapped, c.Untracked, c.OutOfScope);

    private static Rag Worst(MeasureView m) => (Rag)Math.Max((int)m.Implementation.Rag, (int)m.Potential.Rag);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
