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
}
