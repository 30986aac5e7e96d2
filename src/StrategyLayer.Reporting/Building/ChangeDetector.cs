using StrategyLayer.Reporting.Model;
using StrategyLayer.Reporting.Snapshots;

namespace StrategyLayer.Reporting.Building;

/// <summary>What moved between the previous period's snapshot and this one.</summary>
internal static class ChangeDetector
{
    public static ChangesView Compare(PeriodAggregates current, PeriodAggregates? previous, string previousPeriod, string? previousState, int topBlockers)
    {
        if (previous is null)
        {
            return new ChangesView(false, previousPeriod, null, [], [], [], []);
        }

        var before = previous.Measures.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
        var changes = new List<MeasureChange>();
        foreach (var m in current.Measures)
        {
            if (!before.TryGetValue(m.Id, out var old))
            {
                changes.Add(new MeasureChange(m.Id, m.Name, "new measure", "-", m.Implementation.Status + " / " + m.Potential.Status));
                continue;
            }

            if (old.Implementation.Status != m.Implementation.Status)
            {
                changes.Add(new MeasureChange(m.Id, m.Name, "implementation", old.Implementation.Status, m.Implementation.Status));
            }

            if (old.Potential.Status != m.Potential.Status)
            {
                changes.Add(new MeasureChange(m.Id, m.Name, "potential", old.Potential.Status, m.Potential.Status));
            }

            if (!SameValue(old.Actual, m.Actual))
            {
                changes.Add(new MeasureChange(m.Id, m.Name, "actual", Show(old.Actual, old.Unit), Show(m.Actual, m.Unit)));
            }
        }

        var oldClusters = previous.Clusters.Select(Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var newClusters = current.Clusters.Where(c => !oldClusters.Contains(Key(c))).ToList();
        var oldBlockers = previous.Blockers.Select(b => b.Blocker.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var newBlockers = current.Blockers.Where(b => !oldBlockers.Contains(b.Blocker.Id)).Take(topBlockers).ToList();
        var nowBlocking = current.Blockers.Select(b => b.Blocker.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var resolved = previous.Blockers.Where(b => !nowBlocking.Contains(b.Blocker.Id)).Select(b => b.Blocker.Key).Take(topBlockers).ToList();
        return new ChangesView(true, previousPeriod, previousState, changes, newClusters, newBlockers, resolved);
    }

    private static string Key(ClusterView c) => c.Team + "\u0001" + c.Attribute + "\u0001" + c.Value;

    private static bool SameValue(double? a, double? b) =>
        (a is null && b is null) || (a is { } x && b is { } y && Math.Abs(x - y) < 1e-9);

    private static string Show(double? value, string unit) =>
        value is { } v ? StatusRules.Num(v, unit) : "-";
}
