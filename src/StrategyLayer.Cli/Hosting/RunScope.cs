using StrategyLayer.Domain.Runs;
using StrategyLayer.Store;

namespace StrategyLayer.Cli.Hosting;

/// <summary>Writes a run record when a job starts and completes it when the job ends, whatever the outcome.</summary>
public sealed class RunScope
{
    private readonly IStrategyStore _store;
    private readonly TimeProvider _time;
    private RunRecord _run;

    public RunScope(IStrategyStore store, TimeProvider time, string job, DateTimeOffset? scheduledFor = null)
    {
        _store = store;
        _time = time;
        _run = new RunRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            Job = job,
            Started = time.GetUtcNow(),
            ScheduledFor = scheduledFor,
        };
        store.SaveRun(_run);
    }

    public RunRecord Record => _run;

    public RunRecord Finish(RunResult result, IReadOnlyDictionary<string, long>? counts = null, string? error = null)
    {
        _run = _run with { Ended = _time.GetUtcNow(), Result = result, Counts = counts ?? _run.Counts, Error = error };
        _store.SaveRun(_run);
        return _run;
    }

    /// <summary>The synchronous form of <see cref="RecordAsync"/>, for stages that do no I/O of their own (map).</summary>
    public static T RecordSync<T>(IStrategyStore store, TimeProvider time, string job, Func<(T Result, RunResult Outcome, IReadOnlyDictionary<string, long> Counts, string? Error)> body)
    {
        var scope = new RunScope(store, time, job);
        try
        {
            var (result, outcome, counts, error) = body();
            scope.Finish(outcome, counts, error);
            return result;
        }
        catch (OperationCanceledException)
        {
            scope.Finish(RunResult.Cancelled, error: "cancelled");
            throw;
        }
        catch (Exception ex)
        {
            scope.Finish(RunResult.Failed, error: ex.Message);
            throw;
        }
    }

    /// <summary>Runs the job body, recording success, partial, failure or cancellation.</summary>
    public static async Task<T> RecordAsync<T>(IStrategyStore store, TimeProvider time, string job, Func<Task<(T Result, RunResult Outcome, IReadOnlyDictionary<string, long> Counts, string? Error)>> body, DateTimeOffset? scheduledFor = null)
    {
        var scope = new RunScope(store, time, job, scheduledFor);
        try
        {
            var (result, outcome, counts, error) = await body().ConfigureAwait(false);
            scope.Finish(outcome, counts, error);
            return result;
        }
        catch (OperationCanceledException)
        {
            scope.Finish(RunResult.Cancelled, error: "cancelled");
            throw;
        }
        catch (Exception ex)
        {
            scope.Finish(RunResult.Failed, error: ex.Message);
            throw;
        }
    }
}
