namespace StrategyLayer.Scheduling;

/// <summary>
/// A scheduler that runs clustered on a PostgreSQL database (the store's): Quartz's tables there,
/// every node under one <see cref="InstanceName"/> and its own instance id (the host's node), so
/// each firing runs on one node and a dead node's firings are taken over.
/// </summary>
public sealed record ScheduleCluster
{
    /// <summary>The database, as an Npgsql keyword connection string (it may hold a password: never log it).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The deployment's name, the same on every node: Quartz's scheduler name in its tables.</summary>
    public string InstanceName { get; init; } = "strategylayer";

    /// <summary>How often a node records that it is alive.</summary>
    public TimeSpan CheckinInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long past a missed check-in the others wait before treating a node as dead and taking
    /// its firings over: a dead node's work waits about interval plus this (here 7 s, well inside
    /// 20 s); a live node paused for longer than this would be taken over while still working.
    /// </summary>
    public TimeSpan CheckinMisfireThreshold { get; init; } = TimeSpan.FromSeconds(5);
}
