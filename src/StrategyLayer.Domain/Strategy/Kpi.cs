namespace StrategyLayer.Domain.Strategy;

/// <summary>A measure's key performance indicator. Periods are keys like <c>2026-11</c>, <c>2026-Q4</c>.</summary>
public sealed record Kpi
{
    public string Unit { get; init; } = "";
    public double Baseline { get; init; }
    public required double Target { get; init; }
    public KpiDirection Direction { get; init; } = KpiDirection.Up;
    public IReadOnlyDictionary<string, double> Planned { get; init; } = new Dictionary<string, double>();
    public required KpiActual Actual { get; init; }

    /// <summary>How the period's plan is paced when the actual is judged before the period ends; null: the default for the actual's kind.</summary>
    public KpiPacing? Pacing { get; init; }

    /// <summary>The pacing in force: as configured, else linear for computed actuals (they move through the period) and whole-period for entered ones (stated for the period).</summary>
    public KpiPacing EffectivePacing => Pacing ?? (Actual is ComputedActual ? KpiPacing.Linear : KpiPacing.WholePeriod);
}

/// <summary>What a KPI's actual is compared with while its period runs.</summary>
public enum KpiPacing
{
    /// <summary>The plan for the as-of day: interpolated from the previous period's plan (or the baseline) to this period's plan by the share of the period elapsed.</summary>
    Linear,

    /// <summary>This period's plan is due at its end; until then the previous period's plan (or the baseline) is the bar.</summary>
    PeriodEnd,

    /// <summary>This period's plan from the period's first day: for actuals stated for the period as a whole (an entered monthly figure).</summary>
    WholePeriod,
}

public enum KpiDirection
{
    Up,
    Down,
}

/// <summary>Where a KPI's actual values come from.</summary>
public abstract record KpiActual;

/// <summary>Values entered per period, in the tree file or imported from a CSV file.</summary>
public sealed record EnteredActual(IReadOnlyDictionary<string, double> Values, string? CsvFile = null) : KpiActual;

/// <summary>Computed from the measure's mapped items.</summary>
public sealed record ComputedActual(ComputedKind Of, string? Field = null, string? Numerator = null, string? Denominator = null) : KpiActual;

public enum ComputedKind
{
    /// <summary>Number of mapped items.</summary>
    Count,

    /// <summary>Percentage of mapped items in the done category.</summary>
    DoneRatio,

    /// <summary>Sum of a numeric field over mapped items.</summary>
    Sum,

    /// <summary>Percentage: items matching Numerator among those matching Denominator.</summary>
    Ratio,
}
