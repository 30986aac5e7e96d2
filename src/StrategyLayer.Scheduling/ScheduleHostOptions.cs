namespace StrategyLayer.Scheduling;

/// <summary>Who this scheduler is and how it stops.</summary>
public sealed record ScheduleHostOptions
{
    /// <summary>
    /// This process's name among the scheduler's nodes: printed at start, carried by every run
    /// record it writes, and its Quartz instance id when clustered. Unique per process.
    /// </summary>
    public required string Node { get; init; }

    /// <summary>
    /// After stop is asked, how long a running job may go on (to finish its current page) before
    /// its own token is cancelled.
    /// </summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Fire missed schedules once at start-up (decided from our run records).</summary>
    public bool CatchUp { get; init; } = true;

    /// <summary>Run as one node of a cluster on this PostgreSQL database; null: alone, in memory.</summary>
    public ScheduleCluster? Cluster { get; init; }
}
