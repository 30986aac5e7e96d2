using Quartz;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Scheduling;

/// <summary>
/// Decides, from our own run records (Quartz's in-memory store forgets everything at exit),
/// whether a schedule missed a fire time while the scheduler was down. However many fire times
/// were missed, the answer is at most one run, for the latest of them.
/// </summary>
public static class CatchUpPolicy
{
    // Enough to walk a per-second cron across a few hours; beyond it we jump to the latest time.
    private const int MaxSteps = 20_000;

    /// <param name="schedule">The schedule (its cron and optional time zone).</param>
    /// <param name="lastRun">The latest run record of this schedule's job, or null when it never ran.</param>
    /// <param name="now">The start-up time.</param>
    /// <param name="zone">The config's time zone (the schedule's own overrides it); UTC when null.</param>
    /// <param name="clustered">
    /// On a cluster a run still marked running is another node's, alive or being taken over by
    /// Quartz's recovery: it serves its fire time. Alone, a run still marked running means this
    /// scheduler died under it.
    /// </param>
    public static CatchUpDecision Decide(ScheduleSettings schedule, RunRecord? lastRun, DateTimeOffset now, TimeZoneInfo? zone = null, bool clustered = false)
    {
        if (ScheduleCheck.CronError(schedule.Cron) is { } error)
        {
            return CatchUpDecision.No($"cron '{schedule.Cron}' is invalid: {error}");
        }

        if (lastRun is null)
        {
            // A schedule that never ran has missed nothing yet: it starts with its next fire time.
            return CatchUpDecision.No("no run recorded yet");
        }

        var cron = new CronExpression(schedule.Cron, ScheduleCheck.ZoneOf(schedule, zone ?? TimeZoneInfo.Utc));
        var served = lastRun.ScheduledFor ?? lastRun.Started;

        // A run that never finished (the process died) or was cancelled did not serve its fire time.
        var unfinished = lastRun.Result is RunResult.Cancelled || (lastRun.Result is RunResult.Running && !clustered);
        DateTimeOffset? firstMissed = unfinished ? served : cron.GetNextValidTimeAfter(served);
        if (firstMissed is null || firstMissed > now)
        {
            return CatchUpDecision.No($"nothing missed since {served:u}");
        }

        var latest = LatestAtOrBefore(cron, firstMissed.Value, now);
        return new CatchUpDecision(true, latest, unfinished
            ? $"the run for {served:u} did not finish ({lastRun.Result})"
            : $"missed fire time(s) from {firstMissed:u} to {latest:u}; running once");
    }

    private static DateTimeOffset LatestAtOrBefore(CronExpression cron, DateTimeOffset from, DateTimeOffset now)
    {
        var latest = from;
        for (var i = 0; i < MaxSteps; i++)
        {
            var next = cron.GetNextValidTimeAfter(latest);
            if (next is null || next > now)
            {
                return latest;
            }

            latest = next.Value;
        }

        // Very many missed times: ask the expression directly for the last one before now.
        var previous = cron.GetPreviousValidTimeBefore(now.AddSeconds(1));
        return previous is { } p && p >= latest ? p : latest;
    }
}
