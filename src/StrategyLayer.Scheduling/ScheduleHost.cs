using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Settings;
using StrategyLayer.Store;

namespace StrategyLayer.Scheduling;

/// <summary>
/// Runs the configured schedules on Quartz (in-memory store) until stopped. No two runs of the
/// same job overlap: a firing that comes while the job runs is skipped. Missed fire times are
/// caught up once at start-up, decided from our run records. Every firing leaves exactly one run
/// record, written here. Quartz reads the host's clock for every trigger and wait.
/// </summary>
public sealed partial class ScheduleHost
{
    private const string Group = "strategylayer";

    private readonly IStrategyStore _store;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _logs;
    private readonly ILogger<ScheduleHost> _log;
    private readonly ScheduleHostOptions _options;

    public ScheduleHost(IStrategyStore store, TimeProvider time, ILoggerFactory logs, ScheduleHostOptions options)
    {
        _store = store;
        _time = time;
        _logs = logs;
        _log = logs.CreateLogger<ScheduleHost>();
        _options = options;
    }

    /// <summary>
    /// Schedules every entry and runs until <paramref name="stop"/> is cancelled; then lets a
    /// running job go on for the grace period (its own token is cancelled after it) and returns
    /// once it has ended. Bad schedules throw <see cref="DiagnosticsException"/> before anything runs.
    /// </summary>
    public async Task RunAsync(
        IReadOnlyList<ScheduleSettings> schedules,
        TimeZoneInfo zone,
        Func<JobRequest, CancellationToken, Task<Domain.Runs.JobOutcome>> runJob,
        CancellationToken stop)
    {
        var problems = ScheduleCheck.Check(schedules);
        if (problems.Count > 0)
        {
            throw new DiagnosticsException(problems);
        }

        using var session = new Session(this, runJob);
        var scheduler = await QuartzSchedulerBuilder.Create(q =>
        {
            q.Services.AddSingleton(_logs);
            q.UseTimeProvider(_time);
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "strategylayer-" + _options.Node;
                o.ShutdownJobInterruption = ShutdownJobInterruption.Never;
            });
            q.UseInMemoryStore(_ => { });
            q.UseDefaultThreadPool(Math.Max(2, schedules.Count));
            q.UseJobFactory(new ScheduledRunFactory(session));
        }).BuildScheduler(CancellationToken.None);

        try
        {
            foreach (var schedule in schedules)
            {
                var (job, trigger) = Build(schedule, zone);
                var next = await scheduler.ScheduleJob(job, trigger, default, CancellationToken.None);
                _log.LogInformation("Schedule {Key}: {Job} on {Cron}, next at {Next}", job.Key.Name, ScheduledJob.NameOf(schedule), schedule.Cron, next);
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

            _log.LogInformation("Stopping the scheduler; a running job has {Grace} to finish its current page", _options.GracePeriod);
            session.BeginStop(_options.GracePeriod);
            await scheduler.Shutdown(true, CancellationToken.None);
            await session.WaitIdleAsync();
        }
        finally
        {
            await scheduler.DisposeAsync();
        }

        _log.LogInformation("Scheduler stopped");
    }

    private (IJobDetail Job, ITrigger Trigger) Build(ScheduleSettings schedule, TimeZoneInfo zone)
    {
        var key = new JobKey(ScheduledJob.KeyOf(schedule, zone), Group);
        var job = JobBuilder.Create<ScheduledRun>()
            .WithIdentity(key)
            .WithDescription(ScheduledJob.NameOf(schedule))
            .UsingJobData(ScheduledRun.JobKey, schedule.Job.Trim().ToLowerInvariant())
            .UsingJobData(ScheduledRun.SourceKey, schedule.Source ?? "")
            .UsingJobData(ScheduledRun.AudienceKey, schedule.Audience ?? "")
            .StoreDurably(true)
            .Build();

        // Every firing reaches the host, which drops one that comes while the job runs (its gate);
        // missed times are ours to catch up.
        var trigger = TriggerBuilder.Create<ScheduledRun>(_time)
            .WithIdentity(key.Name, Group)
            .ForJob(key)
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
        foreach (var schedule in schedules)
        {
            var name = ScheduledJob.NameOf(schedule);

            // Only a scheduled run serves a schedule: a verb run by hand leaves no fire time.
            var last = _store.RecentRuns(50, name).FirstOrDefault(r => r.ScheduledFor is not null);
            var decision = CatchUpPolicy.Decide(schedule, last, now, zone);
            if (!decision.Fire || !fired.Add(name))
            {
                _log.LogDebug("Schedule {Job}: no catch-up ({Reason})", name, decision.Reason);
                continue;
            }

            _log.LogInformation("Schedule {Job}: catching up once: {Reason}", name, decision.Reason);
            var data = new JobDataMap { [ScheduledRun.ScheduledForKey] = decision.ScheduledFor!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
            await scheduler.TriggerJob(new JobKey(ScheduledJob.KeyOf(schedule, zone), Group), data, CancellationToken.None);
        }
    }
}
