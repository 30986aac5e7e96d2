using System.Globalization;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Reporting.Model;

namespace StrategyLayer.Reporting.Building;

/// <summary>One measure's counts and KPI inputs, gathered while items stream past.</summary>
internal sealed class MeasureAccumulator(Measure measure, string path, Func<WorkItem, bool>? numerator, Func<WorkItem, bool>? denominator, int cap)
{
    private readonly CappedList<ItemRef> overdue = new(cap);
    private readonly CappedList<ItemRef> stale = new(cap);
    private readonly Dictionary<string, (CappedList<ItemRef> Items, HashSet<string> Teams)> blockedBy = new(StringComparer.OrdinalIgnoreCase);

    public Measure Measure { get; } = measure;

    public string Path { get; } = path;

    public int Items { get; private set; }

    public int Done { get; private set; }

    public int Open { get; private set; }

    // The blocker keys of each blocked item: only blocked items are kept, so this stays small.
    private readonly List<string[]> blockedItemBlockers = [];

    /// <summary>Items blocked by at least one blocker that is still open.</summary>
    public int BlockedItems(IReadOnlyDictionary<string, Model.BlockerView> open) =>
        blockedItemBlockers.Count(keys => keys.Any(open.ContainsKey));

    public int NumeratorCount { get; private set; }

    public int DenominatorCount { get; private set; }

    public double Sum { get; private set; }

    public CappedList<ItemRef> Overdue => overdue;

    public CappedList<ItemRef> Stale => stale;

    public IReadOnlyDictionary<string, (CappedList<ItemRef> Items, HashSet<string> Teams)> BlockedBy => blockedBy;

    public void Add(WorkItem item, ItemRef itemRef, DateTimeOffset evalAt, ReportSettings settings, IReadOnlyList<string> openBlockers, string team)
    {
        if (Measure.Kpi.Actual is ComputedActual computed)
        {
            AddKpi(item, computed);
        }

        if (item.Category == StatusCategory.Cancelled)
        {
            return;
        }

        Items++;
        if (item.Category == StatusCategory.Done)
        {
            Done++;
            return;
        }

        Open++;
        if (item.Due is { } due && due < evalAt)
        {
            overdue.Add(itemRef);
        }

        if (item.Updated < evalAt.AddDays(-settings.StaleDays))
        {
            stale.Add(itemRef);
        }

        if (openBlockers.Count > 0)
        {
            blockedItemBlockers.Add([.. openBlockers]);
            foreach (var key in openBlockers)
            {
                if (!blockedBy.TryGetValue(key, out var entry))
                {
                    entry = (new CappedList<ItemRef>(cap), new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                    blockedBy[key] = entry;
                }

                entry.Items.Add(itemRef);
                entry.Teams.Add(team);
            }
        }
    }

    private void AddKpi(WorkItem item, ComputedActual computed)
    {
        switch (computed.Of)
        {
            case ComputedKind.Sum:
                if (item.Category != StatusCategory.Cancelled && FieldValue(item, computed.Field) is { } v)
                {
                    Sum += v;
                }

                break;
            case ComputedKind.Ratio:
                if (denominator is null || denominator(item))
                {
                    DenominatorCount++;
                    if (numerator is null || numerator(item))
                    {
                        NumeratorCount++;
                    }
                }

                break;
            case ComputedKind.Count:
                if (item.Category != StatusCategory.Cancelled && numerator is not null && numerator(item))
                {
                    NumeratorCount++;
                }

                break;
        }
    }

    /// <summary>The KPI actual computed from the mapped items (percentages 0–100).</summary>
    public double? ComputedValue(ComputedActual computed) => computed.Of switch
    {
        ComputedKind.Count => numerator is null ? Items : NumeratorCount,
        ComputedKind.DoneRatio => Items == 0 ? null : Math.Round(100.0 * Done / Items, 1),
        ComputedKind.Sum => Sum,
        ComputedKind.Ratio => DenominatorCount == 0 ? null : Math.Round(100.0 * NumeratorCount / DenominatorCount, 1),
        _ => null,
    };

    private static double? FieldValue(WorkItem item, string? field)
    {
        if (string.IsNullOrWhiteSpace(field) || string.Equals(field, "estimate", StringComparison.OrdinalIgnoreCase))
        {
            return item.Estimate;
        }

        foreach (var (name, value) in item.Fields ?? new Dictionary<string, string?>())
        {
            if (string.Equals(name, field, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return null;
    }
}
