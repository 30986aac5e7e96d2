using StrategyLayer.Domain.Settings;
using Xunit;

namespace StrategyLayer.Scheduling.Tests;

public sealed class ScheduleCheckTests
{
    [Fact]
    public void A_bad_cron_is_reported_with_the_schedule_index_and_the_expression()
    {
        ScheduleSettings[] schedules =
        [
            new() { Job = "run", Cron = "0 0 6 ? * MON" },
            new() { Job = "sync", Cron = "0 0 25 * * ?" },
            new() { Job = "publish", Cron = "0 0 6 * * ?" },
        ];

        var problems = ScheduleCheck.Check(schedules, "strategylayer.json");

        Assert.Equal(2, problems.Count);
        Assert.Contains("schedule 1", problems[0].Message);
        Assert.Contains("'0 0 25 * * ?'", problems[0].Message);
        Assert.Equal("$.schedules[1].cron", problems[0].Path);
        Assert.Equal("strategylayer.json", problems[0].File);
        Assert.Equal("$.schedules[2].job", problems[1].Path);
    }

    [Fact]
    public void Run_records_are_named_for_the_job_and_what_it_narrows_to()
    {
        Assert.Equal("sync:jira", ScheduledJob.NameOf(new ScheduleSettings { Job = "sync", Cron = "* * * * * ?", Source = "jira" }));
        Assert.Equal("report:executives", ScheduledJob.NameOf(new ScheduleSettings { Job = "Report", Cron = "* * * * * ?", Audience = "executives" }));
        Assert.Equal("run", ScheduledJob.NameOf(new ScheduleSettings { Job = "run", Cron = "* * * * * ?" }));
    }

    [Fact]
    public void A_schedule_repeated_with_the_same_job_cron_and_zone_is_reported()
    {
        ScheduleSettings[] schedules =
        [
            new() { Job = "run", Cron = "0 0 6 * * ?" },
            new() { Job = "run", Cron = "0 0 7 * * ?" },
            new() { Job = "Run", Cron = " 0 0 6 * * ? " },
        ];

        var problem = Assert.Single(ScheduleCheck.Check(schedules));

        Assert.Equal("$.schedules[2]", problem.Path);
        Assert.Contains("repeats schedule 0", problem.Message);
    }

    [Fact]
    public void A_schedules_key_depends_on_what_it_runs_and_when_not_on_its_place_in_the_config()
    {
        var daily = new ScheduleSettings { Job = "sync", Source = "jira", Cron = "0 0 6 * * ?" };
        var lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");

        Assert.Equal(ScheduledJob.KeyOf(daily, lisbon), ScheduledJob.KeyOf(daily with { }, lisbon));
        Assert.StartsWith("sync:jira-", ScheduledJob.KeyOf(daily, lisbon), StringComparison.Ordinal);
        Assert.NotEqual(ScheduledJob.KeyOf(daily, lisbon), ScheduledJob.KeyOf(daily with { Cron = "0 0 7 * * ?" }, lisbon));
        Assert.NotEqual(ScheduledJob.KeyOf(daily, lisbon), ScheduledJob.KeyOf(daily, TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_firings_run_id_is_the_same_for_the_same_job_and_fire_time_on_any_node()
    {
        var at = new DateTimeOffset(2026, 11, 5, 6, 0, 0, TimeSpan.Zero);

        Assert.Equal(ScheduledJob.RunIdOf("run", at), ScheduledJob.RunIdOf("run", at.ToOffset(TimeSpan.FromHours(1))));
        Assert.NotEqual(ScheduledJob.RunIdOf("run", at), ScheduledJob.RunIdOf("run", at.AddSeconds(5)));
        Assert.NotEqual(ScheduledJob.RunIdOf("run", at), ScheduledJob.RunIdOf("sync", at));
        Assert.Equal(32, ScheduledJob.RunIdOf("run", at).Length);
    }
}
