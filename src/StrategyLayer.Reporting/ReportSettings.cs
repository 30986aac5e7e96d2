namespace StrategyLayer.Reporting;

/// <summary>
/// Status thresholds (config key <c>status</c>) and the caps that keep a pack readable and its
/// memory bounded. Percentages are 0–100.
/// </summary>
public sealed partial record ReportSettings
{
    public static readonly ReportSettings Default = new();

    /// <summary>Amber when the done ratio trails the elapsed share of the period by this many points.</summary>
    public double DoneRatioAmberBehind { get; init; } = 15;

    /// <summary>Red when the done ratio trails the elapsed share of the period by this many points.</summary>
    public double DoneRatioRedBehind { get; init; } = 30;

    /// <summary>An open item not updated for this many days is stale.</summary>
    public int StaleDays { get; init; } = 14;

    public double StaleShareAmber { get; init; } = 25;

    public double StaleShareRed { get; init; } = 50;

    /// <summary>An open cross-team blocker at least this old makes a measure amber (0: any).</summary>
    public int BlockerAmberDays { get; init; } = 0;

    /// <summary>An open cross-team blocker at least this old makes a measure red.</summary>
    public int BlockerRedDays { get; init; } = 14;

    /// <summary>A cross-team blocker at least this old is listed under "Decisions needed".</summary>
    public int DecisionBlockerDays { get; init; } = 7;

    /// <summary>Amber when the KPI actual is behind plan by this % of the planned value (direction-aware).</summary>
    public double PotentialAmberPercent { get; init; } = 10;

    /// <summary>Red when the KPI actual is behind plan by this % of the planned value (direction-aware).</summary>
    public double PotentialRedPercent { get; init; } = 25;

    /// <summary>Share of open items past their due date that makes a measure amber.</summary>
    public double OverdueShareAmber { get; init; } = 10;

    public double OverdueShareRed { get; init; } = 25;

    /// <summary>A source whose last successful sync is older than this is amber.</summary>
    public int FreshnessAmberHours { get; init; } = 24;

    public int FreshnessRedHours { get; init; } = 72;

    /// <summary>Most rows an item table lists; the rest is "and K more" with a link.</summary>
    public int MaxRows { get; init; } = 500;

    /// <summary>Most item keys a reason or a sample lists.</summary>
    public int MaxReasonItems { get; init; } = 5;

    public int TopBlockers { get; init; } = 10;

    /// <summary>Untracked items sharing a team and label (or component) form a cluster from this size.</summary>
    public int MinClusterSize { get; init; } = 3;

    /// <summary>Periods shown in a measure's planned-vs-actual trend.</summary>
    public int TrendPeriods { get; init; } = 6;
}
