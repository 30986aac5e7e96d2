namespace StrategyLayer.Scheduling;

/// <summary>
/// What the scheduler asks the CLI to run. <see cref="Job"/> is <c>run</c>, <c>sync</c> or
/// <c>report</c>; <see cref="Source"/> (sync) and <see cref="Audience"/> (report) narrow it, null
/// meaning all. The host owns the firing's run record (<see cref="RunId"/>); the job reports its
/// outcome and records nothing of its own. <see cref="Recovering"/> says the firing is run again
/// because the node that ran it first died: the job must be safe to repeat.
/// </summary>
public sealed record JobRequest(
    string RunId,
    string Job,
    string? Source,
    string? Audience,
    DateTimeOffset ScheduledFor,
    bool CatchUp,
    bool Recovering = false)
{
    /// <summary>The name run records carry: <c>run</c>, <c>sync</c>, <c>sync:jira</c>, <c>report:executives</c>.</summary>
    public string RunName => ScheduledJob.NameOf(Job, Source, Audience);
}
