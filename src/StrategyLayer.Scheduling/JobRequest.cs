namespace StrategyLayer.Scheduling;

/// <summary>
/// What the scheduler asks the CLI to run. <see cref="Job"/> is <c>run</c>, <c>sync</c> or
/// <c>report</c>; <see cref="Source"/> (sync) and <see cref="Audience"/> (report) narrow it, null
/// meaning all. The host saves the run record under <see cref="RunId"/>.
/// </summary>
public sealed record JobRequest(
    string RunId,
    string Job,
    string? Source,
    string? Audience,
    DateTimeOffset ScheduledFor,
    bool CatchUp,
    int ScheduleIndex)
{
    /// <summary>The name run records carry: <c>run</c>, <c>sync</c>, <c>sync:jira</c>, <c>report:executives</c>.</summary>
    public string RunName => ScheduledJob.NameOf(Job, Source, Audience);
}
