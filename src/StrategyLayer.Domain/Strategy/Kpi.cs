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
