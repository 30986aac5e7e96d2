using StrategyLayer.Domain.Runs;

namespace StrategyLayer.Application;

/// <summary>
/// The one run record of a use case run by hand (<c>sync</c>, <c>map</c>, <c>report</c>, <c>run</c>, the
/// demo's steps): written when the run starts, with this process's node, and completed when it
/// ends, whatever the outcome. The stages it runs record nothing of their own, and a scheduled
/// firing's record is the scheduler's (<c>ScheduleHost</c>), so every run leaves exactly one.
/// </summary>
public sealed class RunRecorder(IRunContext context)
{
    /// <summary>Runs <paramref name="body"/>, recording success, partial, failure or cancellation.</summary>
    public async Task<T> RecordAsync<T>(string job, Func<Task<T>> body, Func<T, JobOutcome> outcome, CancellationToken cancellationToken)
    {
        var store = await context.StoreAsync(cancellationToken).ConfigureAwait(false);
        var run = new RunRecord { Id = Guid.NewGuid().ToString("N"), Job = job, Node = context.Node, Started = context.Time.GetUtcNow() };

        // Run records are written whatever is being cancelled: a stopped run must still say so.
        await store.SaveRunAsync(run, CancellationToken.None).ConfigureAwait(false);
        T result;
        try
        {
            result = await body().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var cancelled = ex is OperationCanceledException;
            await store.SaveRunAsync(run with
            {
                Ended = context.Time.GetUtcNow(),
                Result = cancelled ? RunResult.Cancelled : RunResult.Failed,
                Error = cancelled ? "cancelled" : ex.Message,
            }, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var ended = outcome(result);
        await store.SaveRunAsync(run with
        {
            Ended = context.Time.GetUtcNow(),
            Result = ended.Result == RunResult.Running ? RunResult.Succeeded : ended.Result,
            Counts = ended.Counts,
            Error = ended.Error,
        }, CancellationToken.None).ConfigureAwait(false);
        return result;
    }
}
