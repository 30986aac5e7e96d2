using StrategyLayer.Domain.Runs;
using StrategyLayer.Sync;

namespace StrategyLayer.Application;

/// <summary>Run once: sync, map, report per audience and distribute, as the scheduler would.</summary>
public sealed class RunOnceUseCase(SyncUseCase sync, MapUseCase map, DistributeUseCase distribute, RunRecorder runs)
{
    /// <summary>The whole pipeline as its own run (one <c>run</c> record).</summary>
    public Task<RunOutcome> RunAsync(CancellationToken ct) =>
        runs.RecordAsync("run", () => RunOnceAsync("run", null, null, ct), o => o.ToJobOutcome(), ct);

    /// <summary>
    /// A scheduled firing's work: the scheduler owns its one run record, so this records none and
    /// only says how it went. <paramref name="job"/> is <c>run</c>, <c>sync</c> or <c>report</c>.
    /// </summary>
    public async Task<JobOutcome> RunJobAsync(string job, string? source, string? audience, CancellationToken ct) =>
        (await RunOnceAsync(job, source, audience, ct).ConfigureAwait(false)).ToJobOutcome();

    /// <summary>
    /// One pass of the pipeline. <paramref name="job"/> is <c>run</c> (everything), <c>sync</c> (only
    /// sync, one source or all) or <c>report</c> (report and distribute, one audience or all). It
    /// records no run of its own: the <c>run</c> verb or the scheduler's firing owns the one record.
    /// </summary>
    public async Task<RunOutcome> RunOnceAsync(string job, string? source, string? audience, CancellationToken ct)
    {
        IReadOnlyList<SyncReport> synced = [];
        if (job is "run" or "sync")
        {
            synced = await sync.SyncAsync(source, false, ct).ConfigureAwait(false);
        }

        if (job == "sync")
        {
            return new RunOutcome(synced, null, [], null, synced.Any(s => s.Failed || s.Quarantined > 0));
        }

        if (job == "run")
        {
            await map.MapAsync(false, ct).ConfigureAwait(false);
        }

        var done = await distribute.DistributeAsync(audience, job == "run" ? synced : null, ct).ConfigureAwait(false);
        var partial = synced.Any(s => s.Failed || s.Quarantined > 0) || done.Result.AnyFailed || done.PdfProblem is not null || done.Report.SomeValueUnusable;
        return new RunOutcome(synced, done.Report, done.Result.Channels, done.PdfProblem, partial);
    }
}
