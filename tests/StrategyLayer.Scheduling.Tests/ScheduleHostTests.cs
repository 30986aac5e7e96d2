using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Domain.Settings;
using StrategyLayer.Scheduling.Tests.Support;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Scheduling.Tests;

/// <summary>
/// The scheduler on a fake clock: the test moves time to each fire time and waits for what the
/// scheduler says it did (a run started, a firing skipped, a run ended), so every count is exact
/// and no test sleeps.
/// </summary>
public sealed class ScheduleHostTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);
    private static readonly ScheduleHostOptions NoCatchUp = new() { Node = "node-a", CatchUp = false, GracePeriod = TimeSpan.FromSeconds(10) };

    private static bool Started(LogEntry e) => e.From<ScheduleHost>() && e.Message.Contains(" started on ", StringComparison.Ordinal);

    private static bool Skipped(LogEntry e) => e.From<ScheduleHost>() && e.Message.Contains(" skipped: ", StringComparison.Ordinal);

    private static bool Ended(LogEntry e) => e.From<ScheduleHost>() && e.Message.Contains(" ended ", StringComparison.Ordinal);

    private static bool Stopping(LogEntry e) => e.From<ScheduleHost>() && e.Message.StartsWith("Stopping the scheduler", StringComparison.Ordinal);

    [Fact]
    public async Task A_firing_that_comes_while_the_job_runs_is_skipped_and_each_run_leaves_one_record_with_its_node_and_fire_time()
    {
        using var file = new StoreFile();
        var time = new FakeTimeProvider(Monday.AddMilliseconds(250));
        var logs = new CollectingLogs();
        var host = new ScheduleHost(file.Store, file.Store, time, logs, NoCatchUp);
        var releases = new[] { new TaskCompletionSource(), new TaskCompletionSource() };
        var running = 0;
        var maxConcurrent = 0;
        var executions = 0;
        using var stop = new CancellationTokenSource();

        // Two schedules of the same job, every second and every two seconds: neither overlaps
        // itself nor the other.
        ScheduleSettings[] schedules = [new() { Job = "run", Cron = "*/1 * * * * ?" }, new() { Job = "run", Cron = "0/2 * * * * ?" }];
        var hosting = host.RunAsync(schedules, TimeZoneInfo.Utc, async (request, token) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxConcurrent, now);
            var n = Interlocked.Increment(ref executions);
            await releases[n - 1].Task.WaitAsync(token);
            Interlocked.Decrement(ref running);
            return JobOutcome.Succeeded(new Dictionary<string, long> { ["items"] = 5 });
        }, stop.Token);

        time.SetUtcNow(Monday.AddSeconds(1));                      // :01 every-second fires: run 1 starts
        await logs.WaitForAsync(Started);
        time.Advance(TimeSpan.FromSeconds(1));                     // :02 both fire: both skipped
        await logs.WaitForAsync(Skipped, 2);
        time.Advance(TimeSpan.FromSeconds(1));                     // :03 every-second fires: skipped
        await logs.WaitForAsync(Skipped, 3);
        releases[0].SetResult();
        await logs.WaitForAsync(Ended);
        time.Advance(TimeSpan.FromSeconds(1));                     // :04 both fire: one runs, one is skipped
        await logs.WaitForAsync(Started, 2);
        await logs.WaitForAsync(Skipped, 4);
        releases[1].SetResult();
        await logs.WaitForAsync(Ended, 2);
        await stop.CancelAsync();
        await hosting.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(1, maxConcurrent);
        Assert.Equal(2, executions);
        Assert.Equal(4, logs.Count(Skipped));
        var runs = await file.Store.RecentRunsAsync(100, null, CancellationToken.None);
        Assert.Equal([Monday.AddSeconds(4), Monday.AddSeconds(1)], runs.Select(r => r.ScheduledFor!.Value));
        Assert.Equal([Monday.AddSeconds(4), Monday.AddSeconds(3)], runs.Select(r => r.Ended!.Value));
        Assert.All(runs, r =>
        {
            Assert.Equal("run", r.Job);
            Assert.Equal("node-a", r.Node);
            Assert.Equal(RunResult.Succeeded, r.Result);
            Assert.Equal(r.ScheduledFor, r.Started);
            Assert.Equal(5, r.Counts["items"]);
            Assert.Equal(ScheduledJob.RunIdOf("run", r.ScheduledFor!.Value), r.Id);
        });
    }

    [Fact]
    public async Task Stopping_lets_the_running_job_finish_its_pages_within_the_grace_period()
    {
        using var file = new StoreFile();
        var time = new FakeTimeProvider(Monday.AddMilliseconds(500));
        var logs = new CollectingLogs();
        var host = new ScheduleHost(file.Store, file.Store, time, logs, NoCatchUp);
        using var page = new SemaphoreSlim(0);
        var pages = 0;
        var cancelledWhileRunning = false;
        using var stop = new CancellationTokenSource();

        var hosting = host.RunAsync([new() { Job = "sync", Source = "jira", Cron = "* * * * * ?" }], TimeZoneInfo.Utc, async (request, token) =>
        {
            for (var i = 0; i < 10; i++)
            {
                await page.WaitAsync(token);
                pages++;
            }

            cancelledWhileRunning = token.IsCancellationRequested;
            return JobOutcome.Succeeded();
        }, stop.Token);

        time.SetUtcNow(Monday.AddSeconds(1));
        await logs.WaitForAsync(Started);
        await stop.CancelAsync();
        await logs.WaitForAsync(Stopping);
        page.Release(10);
        await hosting.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(10, pages);
        Assert.False(cancelledWhileRunning);
        var run = Assert.Single(await file.Store.RecentRunsAsync(10, "sync:jira", CancellationToken.None));
        Assert.Equal(RunResult.Succeeded, run.Result);
    }

    [Fact]
    public async Task A_job_still_running_after_the_grace_period_has_its_token_cancelled_and_is_recorded_as_cancelled()
    {
        using var file = new StoreFile();
        var time = new FakeTimeProvider(Monday.AddMilliseconds(500));
        var logs = new CollectingLogs();
        var host = new ScheduleHost(file.Store, file.Store, time, logs, NoCatchUp with { GracePeriod = TimeSpan.FromSeconds(3) });
        using var stop = new CancellationTokenSource();

        var hosting = host.RunAsync([new() { Job = "run", Cron = "0 0 * * * ?" }], TimeZoneInfo.Utc, async (request, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return JobOutcome.Succeeded();
        }, stop.Token);

        time.SetUtcNow(Monday.AddHours(1));
        await logs.WaitForAsync(Started);
        await stop.CancelAsync();
        await logs.WaitForAsync(Stopping);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(hosting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await hosting.WaitAsync(TimeSpan.FromSeconds(20));

        var run = Assert.Single(await file.Store.RecentRunsAsync(10, "run", CancellationToken.None));
        Assert.Equal(RunResult.Cancelled, run.Result);
        Assert.Equal(Monday.AddHours(1).AddSeconds(3), run.Ended);
    }

    [Fact]
    public async Task After_downtime_a_missed_daily_run_is_caught_up_once_at_start()
    {
        using var file = new StoreFile();
        var store = file.Store;
        var served = new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);
        await store.SaveRunAsync(new RunRecord { Id = "old", Job = "run", Started = served, Ended = served.AddMinutes(2), Result = RunResult.Succeeded, ScheduledFor = served }, CancellationToken.None);

        // A run by hand since (no fire time) serves no schedule: the catch-up still happens.
        await store.SaveRunAsync(new RunRecord { Id = "by-hand", Job = "run", Started = served.AddDays(1), Ended = served.AddDays(1).AddMinutes(1), Result = RunResult.Succeeded }, CancellationToken.None);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 5, 9, 30, 0, TimeSpan.Zero));
        var logs = new CollectingLogs();
        var host = new ScheduleHost(store, store, time, logs, NoCatchUp with { CatchUp = true });
        var requests = new List<JobRequest>();
        using var stop = new CancellationTokenSource();

        var hosting = host.RunAsync([new() { Job = "run", Cron = "0 0 6 * * ?" }], TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon"), (request, token) =>
        {
            lock (requests)
            {
                requests.Add(request);
            }

            return Task.FromResult(JobOutcome.Succeeded());
        }, stop.Token);

        await logs.WaitForAsync(Ended);
        await stop.CancelAsync();
        await hosting.WaitAsync(TimeSpan.FromSeconds(20));

        var request = Assert.Single(requests);
        Assert.True(request.CatchUp);
        Assert.Equal(new DateTimeOffset(2026, 11, 5, 6, 0, 0, TimeSpan.Zero), request.ScheduledFor);
        Assert.Equal(3, (await store.RecentRunsAsync(10, "run", CancellationToken.None)).Count);
        var latest = (await store.RecentRunsAsync(1, "run", CancellationToken.None))[0];
        Assert.Equal((request.ScheduledFor, "node-a", RunResult.Succeeded), (latest.ScheduledFor!.Value, latest.Node!, latest.Result));
    }

    [Fact]
    public async Task A_failing_job_leaves_a_failed_run_record_with_the_error_and_logs_the_exception()
    {
        using var file = new StoreFile();
        var time = new FakeTimeProvider(Monday.AddMilliseconds(500));
        var logs = new CollectingLogs();
        var host = new ScheduleHost(file.Store, file.Store, time, logs, NoCatchUp);
        using var stop = new CancellationTokenSource();

        var hosting = host.RunAsync([new() { Job = "report", Audience = "executives", Cron = "* * * * * ?" }], TimeZoneInfo.Utc, (request, token) =>
            throw new StrategyLayerException("template 'portfolio-pack' not found", where: "templates/portfolio-pack.sbn"), stop.Token);

        time.SetUtcNow(Monday.AddSeconds(1));
        await logs.WaitForAsync(Ended);
        await stop.CancelAsync();
        await hosting.WaitAsync(TimeSpan.FromSeconds(20));

        var run = Assert.Single(await file.Store.RecentRunsAsync(10, "report:executives", CancellationToken.None));
        Assert.Equal(RunResult.Failed, run.Result);
        Assert.Equal("template 'portfolio-pack' not found", run.Error);
        var logged = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error && e.From<ScheduleHost>());
        Assert.IsType<StrategyLayerException>(logged.Exception);
        Assert.Contains("report:executives", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_cron_stops_the_scheduler_before_anything_runs()
    {
        using var file = new StoreFile();
        var host = new ScheduleHost(file.Store, file.Store, new FakeTimeProvider(Monday), new CollectingLogs(), NoCatchUp);

        var e = await Assert.ThrowsAsync<DiagnosticsException>(() => host.RunAsync(
            [new() { Job = "run", Cron = "0 0 6 * * ?" }, new() { Job = "run", Cron = "every monday" }],
            TimeZoneInfo.Utc,
            (r, t) => throw new InvalidOperationException("must not run"),
            CancellationToken.None));

        var problem = Assert.Single(e.Diagnostics);
        Assert.Contains("schedule 1", problem.Message);
        Assert.Contains("'every monday'", problem.Message);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
