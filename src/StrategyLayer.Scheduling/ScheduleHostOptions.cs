namespace StrategyLayer.Scheduling;

/// <summary>How the scheduler stops.</summary>
public sealed record ScheduleHostOptions
{
    public static ScheduleHostOptions Default { get; } = new();

    /// <summary>
    /// After stop is asked, how long a running job may go on (to finish its current page) before
    /// its own token is cancelled.
    /// </summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Fire missed schedules once at start-up (decided from our run records).</summary>
    public bool CatchUp { get; init; } = true;
}
