using StrategyLayer.Distribution;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Reporting;
using StrategyLayer.Sync;

namespace StrategyLayer.Application;

/// <summary>
/// One pass of the pipeline: what each source synced, the period's report document (null for a sync
/// job), what each channel delivered, and whether any of it was partial (exit 3).
/// </summary>
public sealed record RunOutcome(IReadOnlyList<SyncReport> Sync, PeriodReport? Report, IReadOnlyList<ChannelOutcome> Channels, string? PdfProblem, bool Partial)
{
    /// <summary>Untracked in-scope items of the period (the report's coverage), null for a sync job.</summary>
    public int? Untracked => Report?.Untracked;

    /// <summary>What the run's one record says: the sync's counts, what was sent, and every problem by where it happened.</summary>
    public JobOutcome ToJobOutcome()
    {
        var counts = SyncReports.Counts(Sync);
        counts["sent"] = Channels.Sum(c => c.Sent);
        counts["failed"] = Channels.Sum(c => c.Failed);
        if (Untracked is { } untracked)
        {
            counts["untracked"] = untracked;
        }

        var problems = new List<string>();
        if (SyncReports.Failures(Sync) is { } failures)
        {
            problems.Add(failures);
        }

        if (PdfProblem is not null)
        {
            problems.Add("pdf: " + PdfProblem);
        }

        problems.AddRange(Channels.Where(c => c.Failed > 0).Select(c => $"{c.Channel}: {c.Failed} failed"));
        return new JobOutcome(Partial ? RunResult.Partial : RunResult.Succeeded, counts, problems.Count == 0 ? null : string.Join("; ", problems));
    }
}
