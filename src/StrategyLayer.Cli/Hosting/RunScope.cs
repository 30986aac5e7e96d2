using StrategyLayer.Domain.Runs;
using StrategyLayer.Store;

namespace StrategyLayer.Cli.Hosting;

/// <summary>Writes a run record when a job starts and completes it when the job ends, whatever the outcome.</summary>
public sealed class RunScope
{
    private readonly IRunStore _store;
    private readonly TimeProvider _time;
    private RunRecord _run;

    private RunScope(IRunStore store, TimeProvider time, RunRecord run)
    {
        _store = store;
        _time = time;
        _run = run;
    }

    public RunRecord Record => _run;

    /// <summary>Writes the run record of a job that starts now.</summary>
    public static async Task<RunScope> StartAsync(IRunStore store, TimeProvider time, string job, DateTimeOffset? scheduledFor = null)
    {
        var run = new RunRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            Job = job,
            Started = time.GetUtcNow(),
            ScheduledFor = scheduledFor,
        };

        // Run records are written whatever is being cancelled: a stopped run must still say so.
        await store.SaveRunAsync(run, CancellationToken.None).ConfigureAwait(false);
        return new RunScope(store, time, run);
    }

    public async Task<RunRecord> FinishAsync(RunResult result, IReadOnlyDictionary<string, long>? counts = null, string? error = null)
    {
        _run = _run with { Ended = _time.GetUtcNow(), Result = result, Counts = counts ?? _run.Counts, Error = error };
        await _store.SaveRunAsync(_run, CancellationToken.None).ConfigureAwait(false);
        return _run;
    }

    /// <summary>Runs the job body, recording success, partial, failure or cancellation.</summary>
    public static async Task<T> RecordAsync<T>(IRunStore store, TimeProvider time, string job, Func<Task<(T Result, RunResult Outcome, IReadOnlyDictionary<string, long> Counts, string? Error)>> body, DateTimeOffset? scheduledFor = null)
    {
        var scope = await StartAsync(store, time, job, scheduledFor).ConfigureAwait(false);
        try
        {
            var (result, outcome, counts, error) = await body().ConfigureAwait(false);
            await scope.FinishAsync(outcome, counts, error).ConfigureAwait(false);
            return result;
        }
        catch (OperationCanceledException)
        {
            await scope.FinishAsync(RunResult.Cancelled, error: "cancelled").ConfigureAwait(false);
            throw;
        }
        catch (Exception ex)
        {
            await scope.FinishAsync(RunResult.Failed, error: ex.Message).ConfigureAwait(false);
            throw;
        }
    }
}
