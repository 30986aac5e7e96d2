namespace StrategyLayer.Domain.Runs;

/// <summary>
/// How a job's work ended, as the job itself sees it: its result, its counts and what went wrong.
/// Whoever started the run (a verb, a scheduled firing) owns the run's record and its identity.
/// </summary>
public sealed record JobOutcome(RunResult Result, IReadOnlyDictionary<string, long> Counts, string? Error = null)
{
    public static JobOutcome Succeeded(IReadOnlyDictionary<string, long>? counts = null) =>
        new(RunResult.Succeeded, counts ?? new Dictionary<string, long>());
}
