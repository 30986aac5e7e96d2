using Microsoft.Extensions.Time.Testing;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Domain.Settings;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Scheduling.Tests;

public sealed class ScheduleHostTests
{
    private static readonly ScheduleHostOptions NoCatchUp = new() { CatchUp = false, GracePeriod = TimeSpan.FromSeconds(10) };

    private static RunRecord Done(JobRequest request, long items = 0) => new()
    {
        Id = request.RunId,
        Job = request.RunName,
        Started = DateTimeOffset.UtcNow,
        Result = RunResult.Succeeded,
        Counts = new Dictionary<string, long> { ["items"] = items },
    };

    [Fact]
    public async Task A_slow_job_on_a_per_second_cron_never_runs_twice_at_once_and_every_run_is_recorded()
    {
        using var file = new StoreFile();
        var store = file.Store;
        var host = new ScheduleHost(store, options: NoCatchUp);
        var running = 0;
        var maxConcurrent = 0;
        var executions = 0;
        using var stop = new CancellationTokenSource();

        // Two schedules of the same job, both every second: neither overlaps itself nor the other.
        ScheduleSettings[] schedules = [new() { Job = "run", Cron = "*/1 * * * * ?" }, new() { Job = "run", Cron = "*/1 * * * * ?" }];
        var hosting = host.RunAsync(schedules, TimeZoneInfo.Utc, async (request, token) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxConcurrent, now);
            Interlocked.Increment(ref executions);
            await Task.Delay(TimeSpan.FromSeconds(2.2), token);
            Interlocked.Decrement(ref running);
            return Done(request, 5);
        }, stop.Token);

        await Task.Delay(TimeSpan.FromSeconds(6.5));
        await stop.CancelAsync();
        await hosting;

        Assert.Equal(1, maxConcurrent);
        Assert.InRange(executions, 2, 3);
        var runs = (await store.RecentRunsAsync(100, "run", CancellationToken.None));
        Assert.Equal(executions, runs.Count);
        Assert.All(runs, r =>
        {
            Assert.Equal(RunResult.Succeeded, r.Result);
            Assert.NotNull(r.Ended);
            Assert.NotNull(r.ScheduledFor);
            Assert.Equal(5, r.Counts["items"]);
        });
    }

    [Fact]
    public async Task Stopping_lets_the_running_job_finish_its_pages_within_the_grace_period()
    {
        using var file = new StoreFile();
        var store = file.Store;
        var host = new ScheduleHost(store, options: NoCatchUp);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pages = 0;
        using var stop = new CancellationTokenSource();

        var hosting = host.RunAsync([new() { Job = "sync", Source = "jira", Cron = "* * * * * ?" }], TimeZoneInfo.Utc, async (request, token) =>
        {
            started.TrySetResult();
            for (var page = 0; page < 10; page++)
            {
                await Task.Delay(100, token);
                Interlocked.Increment(ref pages);
            }

            return Done(request);
        }, stop.Token);

        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await hosting.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(10, pages);
        var run = Assert.Single((await store.RecentRunsAsync(10, "sync:jira", CancellationToken.None)));
        Assert.Equal(RunResult.Succeeded, run.Result);
    }

    [Fact]
    public async Task A_job_still_running_after_the_grace_period_has_its_token_cancelled_and_is_recorded_as_cancelled()
    {
        using var file = new StoreFile();
        var store = file.Store;
        var host = new ScheduleHost(store, options: NoCatchUp with { GracePeriod = TimeSpan.FromMilliseconds(300) });
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var hosting = host.RunAsync([new() { Job = "run", Cron = "* * * * * ?" }], TimeZoneInfo.Utc, async (request, token) =>
        {
            started.TrySetResult();
            await Task.Delay(TimeSpan.FromMinutes(5), token);
            return Done(request);
        }, stop.Token);

        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await hosting.WaitAsync(TimeSpan.FromSeconds(10));

        var run = Assert.Single((await store.RecentRunsAsync(10, "run", CancellationToken.None)));
        Assert.Equal(RunResult.Cancelled, run.Result);
        Assert.NotNull(run.Ended);
    }

    [Fact]
    public async Task After_downtime_a_missed_daily_run_is_caught_up_once_at_start()
    {
        using var file = new StoreFile();
        var store = file.Store;
        var served = new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);
        await store.SaveRunAsync(new RunRecord { Id = "old", Job = "run", Started = served, Ended = served.AddMinutes(2), Result = RunResult.Succeeded, ScheduledFor = served }, CancellationToken.None);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 5, 9, 30, 0, TimeSpan.Zero));
        var host = new ScheduleHost(store, time, options: ScheduleHostOptions.Default);
        var requests = new List<JobRequest>();
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var hosting = host.RunAsync([new() { Job = "run", Cron = "0 0 6 * * ?" }], TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon"), (request, token) =>
        {
            lock (requests)
            {
                requests.Add(request);
            }

            ran.TrySetResult();
            return Task.FromResult(Done(request));
        }, stop.Token);

        await ran.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(1500);
        await stop.CancelAsync();
        await hosting;

        var request = Assert.Single(requests);
        Assert.True(request.CatchUp);
        Assert.Equal(new DateTimeOffset(2026, 11, 5, 6, 0, 0, TimeSpan.Zero), request.ScheduledFor);
        Assert.Equal(2, (await store.RecentRunsAsync(10, "run", CancellationToken.None)).Count);
        Assert.Equal(request.ScheduledFor, (await store.RecentRunsAsync(1, "run", CancellationToken.None))[0].ScheduledFor);
    }

    [Fact]
    public async Task A_failing_job_leaves_a_failed_run_record_with_the_error()
    {
        using var file = new StoreFile();
        var store = file.Store;
        var host = new ScheduleHost(store, options: NoCatchUp);
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var hosting = host.RunAsync([new() { Job = "report", Audience = "executives", Cron = "* * * * * ?" }], TimeZoneInfo.Utc, (request, token) =>
        {
            failed.TrySetResult();
            throw new StrategyLayerException("template 'portfolio-pack' not found", where: "templates/portfolio-pack.sbn");
        }, stop.Token);

        await failed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(200);
        await stop.CancelAsync();
        await hosting;

        var run = (await store.RecentRunsAsync(10, "report:executives", CancellationToken.None)).Last();
        Assert.Equal(RunResult.Failed, run.Result);
        Assert.Equal("template 'portfolio-pack' not found", run.Error);
    }

    [Fact]
    public async Task A_bad_cron_stops_the_scheduler_before_anything_runs()
    {
        using var file = new StoreFile();
        var host = new ScheduleHost(file.Store, options: NoCatchUp);

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
