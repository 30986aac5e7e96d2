using System.Globalization;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Reporting.Model;

namespace StrategyLayer.Reporting.Building;

/// <summary>
/// How green / amber / red are decided, with the reasons. A status is the worst of its reasons;
/// a reason is only listed with counts and the keys of the items behind it.
/// </summary>
internal static class StatusRules
{
    public const string RollUpRule =
        "A package, project, program and portfolio take the worst status of the measures and nodes they contain (worst-of: red > amber > green), separately for Implementation and Potential.";

    public static IReadOnlyList<string> Describe(ReportSettings s, IEnumerable<Measure> measures) =>
    [
        F($"Implementation (delivery): red when an open dependency in another team has blocked the measure's work for {s.BlockerRedDays} days or more; amber when such a blocker is open {s.BlockerAmberDays} days or more (a dependency without evidence it is resolved counts)."),
        BlockerAgeRule,
        F($"Implementation: amber / red when overdue items are {s.OverdueShareAmber}% / {s.OverdueShareRed}% of open items, when items not updated for {s.StaleDays} days are {s.StaleShareAmber}% / {s.StaleShareRed}% of open items, or when the done ratio trails the elapsed share of the period by {s.DoneRatioAmberBehind} / {s.DoneRatioRedBehind} points."),
        F($"Potential (value): the KPI actual against its plan for the as-of day, in the KPI's direction; amber when behind that plan by {s.PotentialAmberPercent}% of it, red by {s.PotentialRedPercent}%. A period that has just begun is never red on its own: the plan is paced per measure (strategy.json, kpi.pacing)."),
        .. PacingRules(measures),
        F($"Freshness: a source not synced successfully for {s.FreshnessAmberHours} hours is amber, {s.FreshnessRedHours} hours red."),
        RollUpRule,
    ];

    public const string BlockerAgeRule =
        "Blocker age: from when the dependency was first seen, not from the blocking ticket's creation: the first sync that brought the item's \"is blocked by\" link, dated by the item's update that carried it (a link is at least as old as that update, and no older than the blocking ticket). A link that appears today is 0 days old, however old its ticket.";

    private static IEnumerable<string> PacingRules(IEnumerable<Measure> measures)
    {
        foreach (var group in measures.GroupBy(m => m.Kpi.EffectivePacing).OrderBy(g => g.Key))
        {
            var ids = string.Join(", ", group.Select(m => m.Id));
            yield return group.Key switch
            {
                KpiPacing.Linear => F($"Paced linearly ({ids}): the plan for the as-of day, interpolated from the previous period's plan (or the baseline) at the period's start to this period's plan at its end, by the share of the period elapsed."),
                KpiPacing.PeriodEnd => F($"Paced to the period's end ({ids}): the previous period's plan (or the baseline) until the period ends, then this period's plan."),
                _ => F($"Whole period ({ids}): this period's plan from its first day, for actuals stated for the period as a whole (entered figures)."),
            };
        }
    }

    public static Assessment Implementation(
        MeasureAccumulator m,
        IReadOnlyDictionary<string, BlockerView> blockers,
        ItemLinks links,
        ReportSettings s,
        double elapsedPercent)
    {
        var reasons = new List<(Rag Level, StatusReason Reason)>();
        var moreUrl = links.ForMeasure(m.Measure.Id);
        if (m.Items == 0)
        {
            reasons.Add((Rag.Amber, new StatusReason("amber", "No work is mapped to this measure.", [])));
            return Build(reasons, "");
        }

        foreach (var (key, entry) in m.BlockedBy.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            if (!blockers.TryGetValue(key, out var blocker))
            {
                continue; // resolved upstream: no longer a risk
            }

            var crossTeam = entry.Teams.Any(t => !string.Equals(t, blocker.BlockerTeam, StringComparison.OrdinalIgnoreCase));
            var level = crossTeam
                ? blocker.AgeDays >= s.BlockerRedDays ? Rag.Red : blocker.AgeDays >= s.BlockerAmberDays ? Rag.Amber : Rag.Green
                : blocker.AgeDays >= s.BlockerRedDays ? Rag.Amber : Rag.Green;
            if (level == Rag.Green)
            {
                continue;
            }

            var n = entry.Items.Total;
            var text = F($"{n} {Items(n)} blocked by {blocker.Blocker.Key}, team {blocker.BlockerTeam} ({blocker.BlockerStatus}), open {blocker.AgeDays} {Days(blocker.AgeDays)}")
                + (crossTeam ? "" : " (same team)")
                + (blocker.Problem is null ? "" : "; unresolved link: " + blocker.Problem);
            reasons.Add((level, new StatusReason(Assessment.Name(level), text, [blocker.Blocker, .. Sorted(entry.Items.Items)], entry.Items.More, moreUrl)));
        }

        // Overdue and stale work: the share of open items, against the amber and red thresholds.
        void OpenShare(CappedList<ItemRef> found, double amber, double red, string what)
        {
            var share = Percent(found.Total, m.Open);
            var level = Level(share, amber, red);
            if (level != Rag.Green)
            {
                reasons.Add((level, new StatusReason(
                    Assessment.Name(level),
                    F($"{found.Total} of {m.Open} open items {what} ({share:0.#}%)"),
                    Sorted(found.Items), found.More, moreUrl)));
            }
        }

        OpenShare(m.Overdue, s.OverdueShareAmber, s.OverdueShareRed, "overdue");
        OpenShare(m.Stale, s.StaleShareAmber, s.StaleShareRed, F($"not updated for {s.StaleDays} days"));

        var donePercent = Percent(m.Done, m.Items);
        var behind = elapsedPercent - donePercent;
        var doneLevel = Level(behind, s.DoneRatioAmberBehind, s.DoneRatioRedBehind);
        if (doneLevel != Rag.Green)
        {
            reasons.Add((doneLevel, new StatusReason(
                Assessment.Name(doneLevel),
                F($"{m.Done} of {m.Items} items done ({donePercent:0.#}%) with {elapsedPercent:0.#}% of the period elapsed"),
                [], 0, moreUrl)));
        }

        var summary = F($"{m.Done} of {m.Items} items done ({donePercent:0.#}%), {m.Open} open");
        return Build(reasons, summary, moreUrl);
    }

    public static Assessment Potential(Measure measure, PacedPlan? plan, double? actual, string period, ReportSettings s, string? itemsUrl)
    {
        var unit = measure.Kpi.Unit;
        if (plan is null)
        {
            return new Assessment("amber", [new StatusReason("amber", F($"No planned value for {period}; target {Num(measure.Kpi.Target, unit)}."), [], 0, itemsUrl)]);
        }

        if (actual is null)
        {
            return new Assessment("amber", [new StatusReason("amber", F($"No actual value for {period} (planned {Num(plan.Planned, unit)})."), [], 0, itemsUrl)]);
        }

        var p = plan.Bar;
        var a = actual.Value;
        var shortfall = measure.Kpi.Direction == KpiDirection.Up ? p - a : a - p;
        var percentOfPlan = p == 0 ? (shortfall > 0 ? 100 : 0) : 100 * shortfall / Math.Abs(p);
        var level = Level(percentOfPlan, s.PotentialAmberPercent, s.PotentialRedPercent);
        var direction = measure.Kpi.Direction == KpiDirection.Up ? "higher is better" : "lower is better";
        var against = plan.IsWholePlan ? F($"planned {Num(p, unit)} for {period}")
            : plan.Pacing == KpiPacing.Linear ? F($"planned {Num(p, unit)} at {plan.ElapsedPercent:0.#}% of {period} (paced linearly from {Num(plan.From, unit)}, {plan.FromLabel}, to {Num(plan.Planned, unit)})")
            : F($"planned {Num(p, unit)}, {plan.FromLabel} ({period}'s {Num(plan.Planned, unit)} is due at its end)");
        var text = shortfall <= 0
            ? F($"Actual {Num(a, unit)} vs {against}: on or ahead of plan ({direction}).")
            : F($"Actual {Num(a, unit)} vs {against}: behind plan by {percentOfPlan:0.#}% of plan ({direction}).");
        return new Assessment(Assessment.Name(level), [new StatusReason(Assessment.Name(level), text, [], 0, itemsUrl)]);
    }

    /// <summary>Worst-of: a node's status is its worst child's, and each non-green child is a reason.</summary>
    public static Assessment RollUp(IReadOnlyList<(string Id, string Name, Assessment Status)> children)
    {
        if (children.Count == 0)
        {
            return new Assessment("amber", [new StatusReason("amber", "No measures below this node.", [])]);
        }

        var worst = children.Max(c => c.Status.Rag);
        var reasons = children
            .Where(c => c.Status.Rag != Rag.Green)
            .OrderByDescending(c => c.Status.Rag)
            .Select(c => new StatusReason(c.Status.Status, F($"{c.Name} ({c.Id}) is {c.Status.Status}"), []))
            .ToList();
        if (reasons.Count == 0)
        {
            reasons.Add(new StatusReason("green", F($"All {children.Count} below are green"), []));
        }

        return new Assessment(Assessment.Name(worst), reasons);
    }

    private static Assessment Build(List<(Rag Level, StatusReason Reason)> reasons, string greenSummary, string? moreUrl = null)
    {
        if (reasons.Count == 0)
        {
            return new Assessment("green", [new StatusReason("green", greenSummary + "; nothing overdue, stale or blocked.", [], 0, moreUrl)]);
        }

        var worst = reasons.Max(r => r.Level);
        return new Assessment(Assessment.Name(worst), [.. reasons.OrderByDescending(r => r.Level).Select(r => r.Reason)]);
    }

    private static Rag Level(double value, double amber, double red) =>
        value >= red && value > 0 ? Rag.Red : value >= amber && value > 0 ? Rag.Amber : Rag.Green;

    private static IReadOnlyList<ItemRef> Sorted(IReadOnlyList<ItemRef> items) => [.. items.OrderBy(i => i.Key, KeyOrder.Instance)];

    private static double Percent(int part, int whole) => whole == 0 ? 0 : 100.0 * part / whole;

    private static string Items(int n) => n == 1 ? "item" : "items";

    private static string Days(int n) => n == 1 ? "day" : "days";

    public static string Num(double value, string unit) =>
        value.ToString("0.##", CultureInfo.InvariantCulture) + (unit.Length == 0 ? "" : unit == "%" ? "%" : " " + unit);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
