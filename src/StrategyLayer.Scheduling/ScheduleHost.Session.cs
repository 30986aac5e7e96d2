using System.Collections.Concurrent;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Scheduling;

public sealed partial class ScheduleHost
{
    /// <summary>One <see cref="RunAsync"/>: the schedules, the per-job gates, and the jobs' token.</summary>
    internal sealed class Session : IDisposable
    {
        private readonly ScheduleHost _host;
        private readonly IReadOnlyList<ScheduleSettings> _schedules;
        private readonly Func<JobRequest, CancellationToken, Task<RunRecord>> _runJob;
        private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);
        private readonly CancellationTokenSource _jobs = new();
        private int _running;
        private volatile bool _stopping;

        public Session(ScheduleHost host, IReadOnlyList<ScheduleSettings> schedules, Func<JobRequest, CancellationToken, Task<RunRecord>> runJob)
        {
            _host = host;
            _schedules = schedules;
            _runJob = runJob;
        }

        public void BeginStop(TimeSpan grace)
        {
            _stopping = true;
            _jobs.CancelAfter(grace);
        }

        public async Task WaitIdleAsync()
        {
            while (Volatile.Read(ref _running) > 0)
            {
                await Task.Delay(50);
            }
        }

        public async Task ExecuteAsync(int index, DateTimeOffset scheduledFor, bool catchUp, CancellationToken quartzToken)
        {
            var schedule = _schedules[index];
            var name = ScheduledJob.NameOf(schedule);
            var log = _host._log;
            if (_stopping)
            {
                return;
            }

            // The same job named by two schedules (or a catch-up meeting a firing) must not overlap.
            var gate = _gates.GetOrAdd(schedule.Job.Trim().ToLowerInvariant(), _ => new SemaphoreSlim(1, 1));
            if (!await gate.WaitAsync(0, CancellationToken.None))
            {
                log.Warning("Schedule {Index}: {Job} for {ScheduledFor} skipped: the job is still running", index, name, scheduledFor);
                return;
            }

            Interlocked.Increment(ref _running);
            try
            {
                await RunOnceAsync(index, schedule, name, scheduledFor, catchUp, quartzToken);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
                gate.Release();
            }
        }

        private async Task RunOnceAsync(int index, ScheduleSettings schedule, string name, DateTimeOffset scheduledFor, bool catchUp, CancellationToken quartzToken)
        {
            var store = _host._store;
            var time = _host._time;
            var log = _host._log;
            var started = time.GetUtcNow();
            var record = new RunRecord { Id = Guid.NewGuid().ToString("N"), Job = name, Started = started, ScheduledFor = scheduledFor };
            // Run records are written whatever is being cancelled: a stopped run must still say so.
            await store.SaveRunAsync(record, CancellationToken.None);
            log.Information("Run {RunId}: {Job} for {ScheduledFor} started{CatchUp}", record.Id, name, scheduledFor, catchUp ? " (catch-up)" : "");

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_jobs.Token, quartzToken);
            var request = new JobRequest(record.Id, schedule.Job.Trim().ToLowerInvariant(), schedule.Source, schedule.Audience, scheduledFor, catchUp, index);
            RunRecord final;
            try
            {
                var result = await _runJob(request, linked.Token);
                final = result with
                {
                    Id = record.Id,
                    Job = name,
                    Started = started,
                    ScheduledFor = scheduledFor,
                    Ended = result.Ended ?? time.GetUtcNow(),
                    Result = result.Result == RunResult.Running ? RunResult.Succeeded : result.Result,
                };
            }
            catch (OperationCanceledException) when (linked.IsCancellationRequested)
            {
                final = record with { Ended = time.GetUtcNow(), Result = RunResult.Cancelled, Error = "stopped before it finished" };
            }
            catch (Exception e)
            {
                final = record with { Ended = time.GetUtcNow(), Result = RunResult.Failed, Error = e.Message };
                log.Error("Run {RunId}: {Job} failed: {Error}", record.Id, name, e.Message);
            }

            await store.SaveRunAsync(final, CancellationToken.None);
            log.Information("Run {RunId}: {Job} ended {Result} in {Seconds:0.0}s", final.Id, name, final.Result, (final.Ended!.Value - started).TotalSeconds);
        }

        public void Dispose()
        {
            _jobs.Dispose();
            foreach (var gate in _gates.Values)
            {
                gate.Dispose();
            }
        }
    }
}
