using Quartz;
using Serilog;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Domain.Settings;
using StrategyLayer.Store;

namespace StrategyLayer.Scheduling;

/// <summary>
/// Runs the configured schedules on Quartz (in-memory store) until stopped. No two runs of the
/// same job overlap: a firing that comes while the job runs is skipped. Missed fire times are
/// caught up once at start-up, decided from our run records. Every run leaves a run record.
/// </summary>
public sealed partial class ScheduleHost
{
    private readonly IRunStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly ScheduleHostOptions _options;

    public ScheduleHost(IRunStore store, TimeProvider? time = null, ILogger? log = null, ScheduleHostOptions? options = null)
    {
        _store = store;
        _time = time ?? TimeProvider.System;
        _log = (log ?? Log.Logger).ForContext<ScheduleHost>();
        _options = options ?? ScheduleHostOptions.Default;
    }

    /// <summary>
    /// Schedules every entry and runs until <paramref name="stop"/> is cancelled; then lets a
    /// running job go on for the grace period (its own token is cancelled after it) and returns
    /// once it has ended. Bad schedules throw <see cref="DiagnosticsException"/> before anything runs.
    /// </summary>
    public async Task RunAsync(
        IReadOnlyList<ScheduleSettings> schedules,
        TimeZoneInfo zone,
        Func<JobRequest, CancellationToken, Task<RunRecord>> runJob,
        CancellationToken stop)
    {
        var problems = ScheduleCheck.Check(schedules);
        if (problems.Count > 0)
        {
            throw new DiagnosticsException(problems);
        }

        using var session = new Session(this, schedules, runJob);
        var scheduler = await QuartzSchedulerBuilder.Create(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "strategylayer-" + Guid.NewGuid().ToString("N")[..8];
                o.ShutdownJobInterruption = ShutdownJobInterruption.Never;
            });
            q.UseInMemoryStore(_ => { });
            q.UseDefaultThreadPool(Math.Max(2, schedules.Count));
            q.UseJobFactory(new ScheduledRunFactory(session));
        }).BuildScheduler(CancellationToken.None);

        try
        {
            for (var i = 0; i < schedules.Count; i++)
            {
                var (job, trigger) = Build(i, schedules[i], zone);
                var next = await scheduler.ScheduleJob(job, trigger, default, CancellationToken.None);
                _log.Information("Schedule {Index}: {Job} on {Cron}, next at {Next}", i, ScheduledJob.NameOf(schedules[i]), schedules[i].Cron, next);
            }

            await scheduler.Start(CancellationToken.None);
            if (_options.CatchUp)
            {
                await CatchUpAsync(scheduler, schedules, zone);
            }

            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
                // Asked to stop: fall through to a clean shutdown.
            }

            _log.Information("Stopping the scheduler; a running job has {Grace} to finish its current page", _options.GracePeriod);
            session.BeginStop(_options.GracePeriod);
            await scheduler.Shutdown(true, CancellationToken.None);
            await session.WaitIdleAsync();
        }
        finally
        {
            await scheduler.DisposeAsync();
        }

        _log.Information("Scheduler stopped");
    }

    private static (IJobDetail Job, ITrigger Trigger) Build(int index, ScheduleSettings schedule, TimeZoneInfo zone)
    {
        var key = new JobKey($"schedule-{index}", "strategylayer");
        var job = JobBuilder.Create<ScheduledRun>()
            .WithIdentity(key)
            .WithDescription(ScheduledJob.NameOf(schedule))
            .UsingJobData(ScheduledRun.IndexKey, index)
            .DisallowConcurrentExecution(true)
            .StoreDurably(true)
            .Build();

        // A firing while the job runs is dropped, not queued; missed times are ours to catch up.
        var trigger = TriggerBuilder.Create<ScheduledRun>(TimeProvider.System)
            .WithIdentity($"schedule-{index}", "strategylayer")
            .ForJob(key)
            .WithOverlapPolicy(OverlapPolicy.Skip)
            .WithSchedule(CronScheduleBuilder.Create(schedule.Cron)
                .InTimeZone(ScheduleCheck.ZoneOf(schedule, zone))
                .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .Build();
        return (job, trigger);
    }

    private async Task CatchUpAsync(IScheduler scheduler, IReadOnlyList<ScheduleSettings> schedules, TimeZoneInfo zone)
    {
        var now = _time.GetUtcNow();
        var fired = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < schedules.Count; i++)
        {
            var name = ScheduledJob.NameOf(schedules[i]);
            var last = (await _store.RecentRunsAsync(1, name, CancellationToken.None)).FirstOrDefault();
            var decision = CatchUpPolicy.Decide(schedules[i], last, now, zone);
            if (!decision.Fire || !fired.Add(name))
            {
                _log.Debug("Schedule {Index} ({Job}): no catch-up ({Reason})", i, name, decision.Reason);
                continue;
            }

            _log.Information("Schedule {Index} ({Job}): catching up once: {Reason}", i, name, decision.Reason);
            var data = new JobDataMap { [ScheduledRun.IndexKey] = i, [ScheduledRun.ScheduledForKey] = decision.ScheduledFor!.Value };
            await scheduler.TriggerJob(new JobKey($"schedule-{i}", "strategylayer"), data, CancellationToken.None);
        }
    }
}
