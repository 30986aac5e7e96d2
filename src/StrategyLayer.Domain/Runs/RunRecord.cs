namespace StrategyLayer.Domain.Runs;

/// <summary>One run of a job (sync, map, report, distribute, run), kept in the store.</summary>
public sealed record RunRecord
{
    public required string Id { get; init; }
    public required string Job { get; init; }
    public required DateTimeOffset Started { get; init; }
    public DateTimeOffset? Ended { get; init; }
    public RunResult Result { get; init; } = RunResult.Running;
    public IReadOnlyDictionary<string, long> Counts { get; init; } = new Dictionary<string, long>();
    public string? Error { get; init; }

    /// <summary>The schedule's fire time this run served, for catch-up decisions.</summary>
    public DateTimeOffset? ScheduledFor { get; init; }
}

public enum RunResult
{
    Running,
    Succeeded,
    Partial,
    Failed,
    Cancelled,
}
