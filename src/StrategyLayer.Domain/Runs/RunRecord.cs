namespace StrategyLayer.Domain.Runs;

/// <summary>
/// One run of a job (a verb such as sync, map, report or run, or one scheduled firing), kept in
/// the store: exactly one record per run, whoever started it.
/// </summary>
public sealed record RunRecord
{
    public required string Id { get; init; }

    /// <summary>The verb's name, or the schedule's job name (<c>run</c>, <c>sync</c>, <c>sync:jira</c>, <c>report:executives</c>).</summary>
    public required string Job { get; init; }

    public required DateTimeOffset Started { get; init; }
    public DateTimeOffset? Ended { get; init; }
    public RunResult Result { get; init; } = RunResult.Running;
    public IReadOnlyDictionary<string, long> Counts { get; init; } = new Dictionary<string, long>();
    public string? Error { get; init; }

    /// <summary>The schedule's fire time this run served (null for a run started by hand), for catch-up decisions.</summary>
    public DateTimeOffset? ScheduledFor { get; init; }

    /// <summary>Who ran it: the process (a scheduler node's instance id), so a cluster's runs can be told apart.</summary>
    public string? Node { get; init; }
}

public enum RunResult
{
    Running,
    Succeeded,
    Partial,
    Failed,
    Cancelled,
}
