using StrategyLayer.Domain.Runs;
using StrategyLayer.Domain.Settings;
using Xunit;

namespace StrategyLayer.Scheduling.Tests;

public sealed class CatchUpPolicyTests
{
    private static readonly TimeZoneInfo Lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");

    // Every day at 06:00 Lisbon time.
    private static readonly ScheduleSettings Daily = new() { Job = "run", Cron = "0 0 6 * * ?" };

    private static RunRecord Ran(DateTimeOffset scheduledFor, RunResult result = RunResult.Succeeded) => new()
    {
        Id = "r1",
        Job = "run",
        Started = scheduledFor.AddSeconds(2),
        Ended = scheduledFor.AddMinutes(3),
        Result = result,
        ScheduledFor = scheduledFor,
    };

    [Fact]
    public void After_three_days_of_downtime_the_schedule_fires_once_for_the_latest_missed_time()
    {
        // Last served 2026-11-02 06:00 Lisbon (UTC+0 in November); back up on the 5th at 09:30.
        var last = Ran(new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero));
        var now = new DateTimeOffset(2026, 11, 5, 9, 30, 0, TimeSpan.Zero);

        var decision = CatchUpPolicy.Decide(Daily, last, now, Lisbon);

        Assert.True(decision.Fire);
        Assert.Equal(new DateTimeOffset(2026, 11, 5, 6, 0, 0, TimeSpan.Zero), decision.ScheduledFor);
    }

    [Fact]
    public void Once_the_catch_up_run_is_recorded_nothing_more_is_caught_up()
    {
        var now = new DateTimeOffset(2026, 11, 5, 9, 30, 0, TimeSpan.Zero);
        var caughtUp = Ran(new DateTimeOffset(2026, 11, 5, 6, 0, 0, TimeSpan.Zero));

        Assert.False(CatchUpPolicy.Decide(Daily, caughtUp, now, Lisbon).Fire);
    }

    [Fact]
    public void A_restart_before_the_next_fire_time_catches_up_nothing()
    {
        var last = Ran(new DateTimeOffset(2026, 11, 5, 6, 0, 0, TimeSpan.Zero));

        var decision = CatchUpPolicy.Decide(Daily, last, new DateTimeOffset(2026, 11, 6, 5, 59, 59, TimeSpan.Zero), Lisbon);

        Assert.False(decision.Fire);
        Assert.Null(decision.ScheduledFor);
    }

    [Fact]
    public void A_schedule_that_never_ran_is_not_caught_up()
    {
        Assert.False(CatchUpPolicy.Decide(Daily, null, DateTimeOffset.UtcNow, Lisbon).Fire);
    }

    [Fact]
    public void A_run_that_died_before_finishing_is_run_again_once()
    {
        var died = Ran(new DateTimeOffset(2026, 11, 5, 6, 0, 0, TimeSpan.Zero), RunResult.Running) with { Ended = null };

        var decision = CatchUpPolicy.Decide(Daily, died, new DateTimeOffset(2026, 11, 5, 7, 0, 0, TimeSpan.Zero), Lisbon);

        Assert.True(decision.Fire);
        Assert.Equal(new DateTimeOffset(2026, 11, 5, 6, 0, 0, TimeSpan.Zero), decision.ScheduledFor);
    }

    [Fact]
    public void On_a_cluster_a_run_still_marked_running_serves_its_fire_time_and_a_cancelled_one_does_not()
    {
        var at = new DateTimeOffset(2026, 11, 5, 6, 0, 0, TimeSpan.Zero);
        var now = at.AddHours(1);

        // Another node runs it, or Quartz's recovery re-runs it on a live node if that node died.
        Assert.False(CatchUpPolicy.Decide(Daily, Ran(at, RunResult.Running) with { Ended = null }, now, Lisbon, clustered: true).Fire);
        var cancelled = CatchUpPolicy.Decide(Daily, Ran(at, RunResult.Cancelled), now, Lisbon, clustered: true);
        Assert.Equal((true, at), (cancelled.Fire, cancelled.ScheduledFor));
    }

    [Fact]
    public void The_schedules_time_zone_decides_the_fire_times()
    {
        // 06:00 in New York is 11:00 UTC in November: at 10:00 UTC the day's run is not yet due.
        var newYork = Daily with { TimeZone = "America/New_York" };
        var last = Ran(new DateTimeOffset(2026, 11, 4, 11, 0, 0, TimeSpan.Zero));

        Assert.False(CatchUpPolicy.Decide(newYork, last, new DateTimeOffset(2026, 11, 5, 10, 0, 0, TimeSpan.Zero), Lisbon).Fire);
        Assert.True(CatchUpPolicy.Decide(newYork, last, new DateTimeOffset(2026, 11, 5, 11, 0, 1, TimeSpan.Zero), Lisbon).Fire);
    }

    [Fact]
    public void A_month_of_missed_per_second_fire_times_is_still_one_run_for_the_latest()
    {
        var everySecond = new ScheduleSettings { Job = "sync", Cron = "* * * * * ?" };
        var last = Ran(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
        var now = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

        var decision = CatchUpPolicy.Decide(everySecond, last, now, TimeZoneInfo.Utc);

        Assert.True(decision.Fire);
        Assert.Equal(now, decision.ScheduledFor);
    }
}
