using StrategyLayer.Domain.Runs;
using StrategyLayer.Sync;

namespace StrategyLayer.Application;

/// <summary>What a sync's reports add up to: its run record's counts, result and failures.</summary>
public static class SyncReports
{
    /// <summary>What a sync's run record says: its counts, and each failed source (and table) with its error.</summary>
    public static JobOutcome Outcome(IReadOnlyList<SyncReport> all)
    {
        var counts = Counts(all);
        var failed = all.Where(r => r.Failed).ToList();
        var result = failed.Count == all.Count && all.Count > 0 ? RunResult.Failed
            : failed.Count > 0 || counts["quarantined"] > 0 ? RunResult.Partial
            : RunResult.Succeeded;
        return new JobOutcome(result, counts, Failures(all));
    }

    /// <summary>The sync part of a run's counts.</summary>
    public static Dictionary<string, long> Counts(IReadOnlyList<SyncReport> all) => new()
    {
        ["fetched"] = all.Sum(r => r.Fetched),
        ["upserted"] = all.Sum(r => r.Upserted),
        ["unchanged"] = all.Sum(r => r.Unchanged),
        ["quarantined"] = all.Sum(r => r.Quarantined),
        ["replacedText"] = all.Sum(r => r.ReplacedText),
        ["healed"] = all.Sum(r => r.Healed),
        ["deleted"] = all.Sum(r => r.Deleted),
        ["outOfScope"] = all.Sum(r => r.OutOfScope),
    };

    /// <summary>Every failed source (and table) with its error, or null when none failed.</summary>
    public static string? Failures(IReadOnlyList<SyncReport> all)
    {
        var failed = all.Where(r => r.Failed).Select(r => $"{r.Source}{(r.Table is null ? "" : "/" + r.Table)}: {r.Error}").ToList();
        return failed.Count == 0 ? null : string.Join("; ", failed);
    }
}
