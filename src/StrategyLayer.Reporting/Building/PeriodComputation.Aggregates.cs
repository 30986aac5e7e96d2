using System.Globalization;
using StrategyLayer.Domain.Items;
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
        var summary = new SummaryView
        {
            InScope = InScope,
            Mapped = Mapped,
            Untracked = Untracked,
            NotYetMapped = NotYetMapped,
            CoveragePercent = InScope == 0 ? 0 : Math.Round(100.0 * Mapped / InScope, 1),
            UntrackedPercent = InScope == 0 ? 0 : Math.Round(100.0 * Untracked / InScope, 1),
            Measures = orderedMeasures.Count,
            MeasuresRed = orderedMeasures.Count(m => Worst(m) == Rag.Red),
            MeasuresAmber = orderedMeasures.Count(m => Worst(m) == Rag.Amber),
            MeasuresGreen = orderedMeasures.Count(m => Worst(m) == Rag.Green),
            BlockedItems = blockerList.Sum(b => b.BlockedCount),
            CrossTeamBlockers = blockerList.Count(b => b.CrossTeam),
            UntrackedUrl = links.ForUntracked(),
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
                .Select(t => new TeamUntrackedView(
                    t.Key, t.Value.Items, t.Value.Untracked.Total,
                    t.Value.Items == 0 ? 0 : Math.Round(100.0 * t.Value.Untracked.Total / t.Value.Items, 1),
                    links.ForUntracked(t.Key), [.. t.Value.Untracked.Items.OrderBy(i => i.Key, KeyOrder.Instance)]))
                .OrderByDescending(t => t.Untracked).ThenBy(t => t.Team, StringComparer.OrdinalIgnoreCase)],
            Clusters = [.. clusters
                .Where(c => c.Value >= settings.MinClusterSize)
                .Select(c => new ClusterView(c.Key.Team, c.Key.Attribute, c.Key.Value, c.Value))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Team, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Value, StringComparer.OrdinalIgnoreCase)],
            Freshness = freshness,
            StatusRules = StatusRules.Describe(settings),
        };
    }

    /// <summary>The blockers <see cref="Finish"/> looks up, in the order it does: the most blocking first, at most <see cref="MaxBlockerLookups"/>.</summary>
    public IReadOnlyList<string> BlockersToLookUp() =>
        [.. blockers.Values.OrderByDescending(b => b.Count).ThenBy(b => b.Key, StringComparer.Ordinal).Take(MaxBlockerLookups).Select(b => b.Key)];

    private Dictionary<string, BlockerView> ResolveBlockers(Func<string, WorkItem?> findItem)
    {
        var open = new Dictionary<string, BlockerView>(StringComparer.OrdinalIgnoreCase);
        var lookups = 0;
        foreach (var acc in blockers.Values.OrderByDescending(b => b.Count).ThenBy(b => b.Key, StringComparer.Ordinal))
        {
            var item = lookups++ < MaxBlockerLookups ? findItem(acc.Key) : null;
            if (item is { Category: StatusCategory.Done or StatusCategory.Cancelled })
            {
                continue; // evidence that the dependency is resolved
            }

            open[acc.Key] = acc.ToView(item, links, evalAt, settings);
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
            Implementation = StatusRules.Implementation(acc, openBlockers, links, settings, elapsedPercent),
            Potential = StatusRules.Potential(m, planned, actual, period.Name, settings, itemsUrl),
            TrendPoints = points,
        };
    }

    private List<DecisionView> Decisions(IReadOnlyList<MeasureView> measureViews, IReadOnlyList<BlockerView> blockerList)
    {
        var decisions = new List<DecisionView>();
        foreach (var m in measureViews.Where(m => Worst(m) == Rag.Red))
        {
            var red = m.Implementation.Reasons.Concat(m.Potential.Reasons).Where(r => r.Level == "red").ToList();
            var items = red.SelectMany(r => r.Items).DistinctBy(i => i.Id).ToList();
            decisions.Add(new DecisionView(
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
            decisions.Add(new DecisionView(
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
            Node(rows, 0, "portfolio", portfolio, portfolio.Programs, (rs, program) =>
                Node(rs, 1, "program", program, program.Projects, (rs2, project) =>
                    Node(rs2, 2, "project", project, project.MeasurePackages, (rs3, package) =>
                        Node(rs3, 3, "package", package, package.Measures, (rs4, measure) =>
                        {
                            var v = views[measure.Id];
                            rs4.Add(new TreeRow(4, "measure", v.Id, v.Name, v.BusinessOwner, v.TechnicalOwner, v.Implementation, v.Potential));
                            return (v.Implementation, v.Potential);
                        }))));
        }

        return rows;
    }

    private static (Assessment Implementation, Assessment Potential) Node<TChild>(
        List<TreeRow> rows,
        int depth,
        string level,
        StrategyNode node,
        IReadOnlyList<TChild> children,
        Func<List<TreeRow>, TChild, (Assessment Implementation, Assessment Potential)> child)
        where TChild : StrategyNode
    {
        var index = rows.Count;
        var results = children.Select(c => (c, child(rows, c))).ToList();
        var implementation = StatusRules.RollUp([.. results.Select(r => (r.c.Id, r.c.Name, r.Item2.Implementation))]);
        var potential = StatusRules.RollUp([.. results.Select(r => (r.c.Id, r.c.Name, r.Item2.Potential))]);
        rows.Insert(index, new TreeRow(depth, level, node.Id, node.Name, node.BusinessOwner, node.TechnicalOwner, implementation, potential));
        return (implementation, potential);
    }

    private static Rag Worst(MeasureView m) => (Rag)Math.Max((int)m.Implementation.Rag, (int)m.Potential.Rag);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
