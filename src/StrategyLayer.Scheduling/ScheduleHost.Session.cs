using Microsoft.Extensions.Logging;
using StrategyLayer.Domain.Runs;

namespace StrategyLayer.Scheduling;

public sealed partial class ScheduleHost
{
    /// <summary>One <see cref="RunAsync"/>: the per-job locks, the jobs' token, and the firings' run records.</summary>
    internal sealed class Session : IDisposable
    {
        private readonly ScheduleHost _host;
        private readonly Func<JobRequest, CancellationToken, Task<JobOutcome>> _runJob;
        private readonly CancellationTokenSource _jobs;
        private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _running;
        private volatile bool _stopping;

        public Session(ScheduleHost host, Func<JobRequest, CancellationToken, Task<JobOutcome>> runJob)
        {
            _host = host;
            _runJob = runJob;

            // The grace period runs on the host's clock, like every other wait here.
            _jobs = new CancellationTokenSource(Timeout.InfiniteTimeSpan, host._time);
        }

        public void BeginStop(TimeSpan grace)
        {
            _stopping = true;
            _jobs.CancelAfter(grace);
            if (Volatile.Read(ref _running) == 0)
            {
                _idle.TrySetResult();
            }
        }

        /// <summary>Completes once stop was asked and no firing runs any more.</summary>
        public Task WaitIdleAsync() => _idle.Task;

        public async Task ExecuteAsync(JobRequest request, CancellationToken quartzToken)
        {
            var log = _host._log;

            // Counted before the stop check, so that a stop asked in between still waits for this firing.
            Interlocked.Increment(ref _running);
            try
            {
                if (_stopping)
                {
                    return;
                }

                // The same job named by two schedules (or a catch-up meeting a firing), on this node
                // or another, must not overlap: the firing is skipped. A firing taken over from a
                // dead node is the exception: it waits its turn, as it was due before.
                IAsyncDisposable? held;
                try
                {
                    held = request.Recovering
                        ? await _host._locks.LockAsync("schedule:job:" + request.Job, _jobs.Token)
                        : await _host._locks.TryLockAsync("schedule:job:" + request.Job, _jobs.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "{Job} for {ScheduledFor:u} not run: its lock could not be taken: {Error}", request.RunName, request.ScheduledFor, e.Message);
                    return;
                }

                if (held is null)
                {
                    log.LogWarning("{Job} for {ScheduledFor:u} skipped: the {Kind} job is still running", request.RunName, request.ScheduledFor, request.Job);
                    return;
                }

                RunRecord final;
                await using (held)
                {
                    final = await RunOnceAsync(request, quartzToken);
                }

                log.LogInformation("Run {RunId}: {Job} ended {Result} in {Seconds:0.0}s", final.Id, final.Job, final.Result, (final.Ended!.Value - final.Started).TotalSeconds);
            }
            catch (OperationCanceledException) when (_jobs.IsCancellationRequested)
            {
                log.LogWarning("{Job} for {ScheduledFor:u} not run: the scheduler stopped while it waited its turn", request.RunName, request.ScheduledFor);
            }
            finally
            {
                if (Interlocked.Decrement(ref _running) == 0 && _stopping)
                {
                    _idle.TrySetResult();
                }
            }
        }

        private async Task<RunRecord> RunOnceAsync(JobRequest request, CancellationToken quartzToken)
        {
            var store = _host._store;
            var time = _host._time;
            var log = _host._log;
            var name = request.RunName;
            var record = new RunRecord
            {
                Id = request.RunId,
                Job = name,
                Node = _host._options.Node,
                Started = time.GetUtcNow(),
                ScheduledFor = request.ScheduledFor,
            };
            // Run records are written whatever is being cancelled: a stopped run must still say so.
            await store.SaveRunAsync(record, CancellationToken.None);
            log.LogInformation(
                "Run {RunId}: {Job} for {ScheduledFor:u} started on {Node}{How}",
                record.Id,
                name,
                request.ScheduledFor,
                record.Node,
                request.Recovering ? " (recovered: its first node died)" : request.CatchUp ? " (catch-up)" : "");

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_jobs.Token, quartzToken);
            RunRecord final;
            try
            {
                var outcome = await _runJob(request, linked.Token);
                final = record with
                {
                    Ended = time.GetUtcNow(),
                    Result = outcome.Result == RunResult.Running ? RunResult.Succeeded : outcome.Result,
                    Counts = outcome.Counts,
                    Error = outcome.Error,
                };
            }
            catch (OperationCanceledException) when (linked.IsCancellationRequested)
            {
                final = record with { Ended = time.GetUtcNow(), Result = RunResult.Cancelled, Error = "stopped before it finished" };
            }
            catch (Exception e)
            {
                final = record with { Ended = time.GetUtcNow(), Result = RunResult.Failed, Error = e.Message };
                log.LogError(e, "Run {RunId}: {Job} for {ScheduledFor:u} failed: {Error}", record.Id, name, request.ScheduledFor, e.Message);
            }

            await store.SaveRunAsync(final, CancellationToken.None);
            return final;
        }

        public void Dispose() => _jobs.Dispose();
    }
}
