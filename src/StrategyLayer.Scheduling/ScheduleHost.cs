using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Settings;
using StrategyLayer.Store;

namespace StrategyLayer.Scheduling;

/// <summary>
/// Runs the configured schedules on Quartz until stopped: alone, on Quartz's in-memory store (the
/// LiteDB deployment), or as one node of a cluster on the PostgreSQL store's database
/// (<see cref="ScheduleHostOptions.Cluster"/>), where each firing runs on one node and a dead node's
/// firings are taken over. No two runs of the same job overlap (across the cluster too): a firing
/// that comes while the job runs is skipped. Missed fire times are caught up once at start-up,
/// decided from our run records (once per cluster). Every firing leaves exactly one run record,
/// written here. Quartz reads the host's clock for every trigger and wait.
/// </summary>
public sealed partial class ScheduleHost
{
    private const string Group = "strategylayer";
    private const string CatchUpGroup = "strategylayer-catch-up";

    private readonly IRunStore _store;
    private readonly IStoreLocks _locks;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _logs;
    private readonly ILogger<ScheduleHost> _log;
    private readonly ScheduleHostOptions _options;

    /// <param name="store">Where the firings' run records go.</param>
    /// <param name="locks">
    /// The store's locks: they keep two firings of one job apart and start one node at a time,
    /// across every process on the store (a cluster's nodes on PostgreSQL).
    /// </param>
    /// <param name="time">The clock of every trigger, wait and record.</param>
    /// <param name="logs">Where the host, and Quartz under it, log.</param>
    /// <param name="options">Who this node is, how it stops, and the cluster when there is one.</param>
    public ScheduleHost(IRunStore store, IStoreLocks locks, TimeProvider time, ILoggerFactory logs, ScheduleHostOptions options)
    {
        _store = store;
        _locks = locks;
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
        var scheduler = await QuartzSchedulerBuilder.Create(q => Configure(q, session, schedules.Count)).BuildScheduler(CancellationToken.None);
        try
        {
            // One node at a time brings the schedules in line with its config, starts, and decides
            // catch-up, so that a missed fire time is caught up once per cluster.
            await using (await _locks.LockAsync("schedule:start", stop))
            {
                await PutSchedulesAsync(scheduler, schedules, zone);
                await scheduler.Start(CancellationToken.None);
                _log.LogInformation(
                    "Scheduler started as node {Node}{Cluster}",
                    _options.Node,
                    _options.Cluster is { } cluster ? $" of cluster {cluster.InstanceName} (check-in every {cluster.CheckinInterval.TotalSeconds:0.#} s)" : "");
                if (_options.CatchUp)
                {
                    await CatchUpAsync(scheduler, schedules, zone);
                }
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

    private void Configure(IQuartzBuilder q, Session session, int schedules)
    {
        q.Services.AddSingleton(_logs);
        q.Services.AddSingleton<ILoggerProvider>(new HostLoggerProvider(_logs));
        q.UseTimeProvider(_time);
        q.UseDefaultThreadPool(Math.Max(2, schedules));
        q.UseJobFactory(new ScheduledRunFactory(session));
        if (_options.Cluster is not { } cluster)
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "strategylayer-" + _options.Node;
                o.ShutdownJobInterruption = ShutdownJobInterruption.Never;
            });
            q.UseInMemoryStore(_ => { });
            return;
        }

        // Every node: one scheduler name (the deployment), its own instance id (the node).
        q.ConfigureScheduler(o =>
        {
            o.InstanceName = cluster.InstanceName;
            o.InstanceId = _options.Node;
            o.ShutdownJobInterruption = ShutdownJobInterruption.Never;
        });
        q.UsePersistentStore(store =>
        {
            store.UsePostgres(cluster.ConnectionString);
            store.UseSystemTextJsonSerializer();
            store.ProvisionSchema();
            store.UseClustering(c =>
            {
                c.CheckinInterval = cluster.CheckinInterval;
                c.CheckinMisfireThreshold = cluster.CheckinMisfireThreshold;
            });
        });
    }

    /// <summary>
    /// Makes the scheduler's jobs those of this config: adds what is missing, leaves what is there
    /// (a schedule's key says what it runs and when, so the same key is the same schedule, and its
    /// next fire time carries on), and removes what the config no longer has.
    /// </summary>
    private async Task PutSchedulesAsync(IScheduler scheduler, IReadOnlyList<ScheduleSettings> schedules, TimeZoneInfo zone)
    {
        var wanted = schedules.Select(s => Build(s, zone)).ToList();
        foreach (var stale in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), CancellationToken.None))
        {
            if (!wanted.Any(w => w.Job.Key.Equals(stale)))
            {
                await scheduler.DeleteJob(stale, CancellationToken.None);
                _log.LogInformation("Schedule {Key} removed: this node's config no longer has it", stale.Name);
            }
        }

        for (var i = 0; i < wanted.Count; i++)
        {
            var (job, trigger) = wanted[i];
            if (!await scheduler.Exists(job.Key, CancellationToken.None))
            {
                await scheduler.ScheduleJob(job, trigger, default, CancellationToken.None);
            }

            var next = (await scheduler.GetTrigger(trigger.Key, CancellationToken.None))?.NextFireTimeUtc;
            _log.LogInformation("Schedule {Key}: {Job} on {Cron}, next at {Next}", job.Key.Name, ScheduledJob.NameOf(schedules[i]), schedules[i].Cron, next);
        }
    }

    private (IJobDetail Job, ITrigger Trigger) Build(ScheduleSettings schedule, TimeZoneInfo zone)
    {
        var key = new JobKey(ScheduledJob.KeyOf(schedule, zone), Group);

        // A firing whose node dies is run again by the node that takes it over: every job is safe
        // to repeat (a sync resumes from its cursor, a report is rebuilt, a delivery is claimed once).
        var job = JobBuilder.Create<ScheduledRun>()
            .WithIdentity(key)
            .WithDescription(ScheduledJob.NameOf(schedule))
            .UsingJobData(ScheduledRun.JobKey, schedule.Job.Trim().ToLowerInvariant())
            .UsingJobData(ScheduledRun.SourceKey, schedule.Source ?? "")
            .UsingJobData(ScheduledRun.AudienceKey, schedule.Audience ?? "")
            .StoreDurably(true)
            .RequestRecovery(true)
            .Build();

        // Every firing reaches the host, which drops one that comes while the job runs (its lock);
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
            var last = (await _store.RecentRunsAsync(50, name, CancellationToken.None)).FirstOrDefault(r => r.ScheduledFor is not null);
            var decision = CatchUpPolicy.Decide(schedule, last, now, zone, clustered: _options.Cluster is not null);
            if (!decision.Fire || !fired.Add(name))
            {
                _log.LogDebug("Schedule {Job}: no catch-up ({Reason})", name, decision.Reason);
                continue;
            }

            // Named for the fire time it serves: a second node deciding the same finds it taken.
            var key = ScheduledJob.KeyOf(schedule, zone);
            var at = decision.ScheduledFor!.Value;
            var trigger = TriggerBuilder.Create<ScheduledRun>(_time)
                .WithIdentity(key + "@" + at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture), CatchUpGroup)
                .ForJob(key, Group)
                .UsingJobData(ScheduledRun.ScheduledForKey, at.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
                .StartNow()
                .Build();
            try
            {
                await scheduler.ScheduleJob(trigger, default, CancellationToken.None);
                _log.LogInformation("Schedule {Job}: catching up once: {Reason}", name, decision.Reason);
            }
            catch (ObjectAlreadyExistsException)
            {
                _log.LogInformation("Schedule {Job}: the catch-up for {ScheduledFor:u} is already waiting to run", name, at);
            }
        }
    }
}
