using StrategyLayer.Domain.Runs;

namespace StrategyLayer.Store;

/// <summary>
/// One run as <c>status --json</c> and <c>/api/status</c> show it: <see cref="Job"/> the verb or the
/// schedule's job name (<c>sync</c>, <c>sync:SOURCE</c>, <c>run</c>, <c>report:AUDIENCE</c>),
/// <see cref="Node"/> the process that ran it, times in UTC (<see cref="ScheduledFor"/> null for a
/// run started by hand, <see cref="Finished"/> while it runs).
/// </summary>
public sealed record RunView(
    string Id,
    string Job,
    string? Node,
    DateTimeOffset? ScheduledFor,
    DateTimeOffset Started,
    DateTimeOffset? Finished,
    RunResult Outcome,
    string? Error,
    IReadOnlyDictionary<string, long> Counts)
{
    public static RunView Of(RunRecord run) => new(
        run.Id,
        run.Job,
        run.Node,
        run.ScheduledFor?.ToUniversalTime(),
        run.Started.ToUniversalTime(),
        run.Ended?.ToUniversalTime(),
        run.Result,
        run.Error,
        run.Counts);
}
