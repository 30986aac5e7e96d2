using StrategyLayer.Domain.Runs;

namespace StrategyLayer.Cli.Hosting;

/// <summary>
/// The one run record of a verb run by hand (<c>sync</c>, <c>map</c>, <c>report</c>, <c>run</c>, the
/// demo's steps): written when the run starts, with this process's node, and completed when it
/// ends, whatever the outcome. The stages it runs record nothing of their own, and a scheduled
/// firing's record is the scheduler's (<c>ScheduleHost</c>), so every run leaves exactly one.
/// </summary>
public static class RunScope
{
    /// <summary>Runs <paramref name="body"/>, recording success, partial, failure or cancellation.</summary>
    public static async Task<T> RecordAsync<T>(Session session, string job, Func<Task<T>> body, Func<T, JobOutcome> outcome)
    {
        var run = Start(session, job);
        T result;
        try
        {
            result = await body().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Fail(session, run, ex);
            throw;
        }

        Finish(session, run, outcome(result));
        return result;
    }

    /// <summary>The synchronous form of <see cref="RecordAsync"/>, for stages that do no I/O of their own (map).</summary>
    public static T Record<T>(Session session, string job, Func<T> body, Func<T, JobOutcome> outcome)
    {
        var run = Start(session, job);
        T result;
        try
        {
            result = body();
        }
        catch (Exception ex)
        {
            Fail(session, run, ex);
            throw;
        }

        Finish(session, run, outcome(result));
        return result;
    }

    private static RunRecord Start(Session session, string job)
    {
        var run = new RunRecord { Id = Guid.NewGuid().ToString("N"), Job = job, Node = session.Node, Started = session.Time.GetUtcNow() };
        session.Store.SaveRun(run);
        return run;
    }

    private static void Finish(Session session, RunRecord run, JobOutcome outcome) =>
        session.Store.SaveRun(run with
        {
            Ended = session.Time.GetUtcNow(),
            Result = outcome.Result == RunResult.Running ? RunResult.Succeeded : outcome.Result,
            Counts = outcome.Counts,
            Error = outcome.Error,
        });

    private static void Fail(Session session, RunRecord run, Exception ex) =>
        session.Store.SaveRun(run with
        {
            Ended = session.Time.GetUtcNow(),
            Result = ex is OperationCanceledException ? RunResult.Cancelled : RunResult.Failed,
            Error = ex is OperationCanceledException ? "cancelled" : ex.Message,
        });
}
