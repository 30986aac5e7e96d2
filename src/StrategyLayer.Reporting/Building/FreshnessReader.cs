using System.Globalization;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Reporting.Model;
using StrategyLayer.Store;

namespace StrategyLayer.Reporting.Building;

/// <summary>How fresh each source is: its last committed page, the last sync run's outcome, its quarantine.</summary>
internal static class FreshnessReader
{
    public static async Task<IReadOnlyList<FreshnessView>> ReadAsync<TStore>(TStore store, IEnumerable<string> sources, DateTimeOffset asOf, ReportSettings s, TimeZoneInfo zone, IReadOnlyDictionary<string, string?>? syncedNow, CancellationToken cancellationToken)
        where TStore : IItemReader, IRunReader
    {
        var cursors = await store.CursorsAsync(cancellationToken).ConfigureAwait(false);

        // The latest finished run that synced: a sync verb (all sources or one), a scheduled
        // sync, or a run (each leaves one record, whose error names every failed source).
        var lastSync = (await store.RecentRunsAsync(50, null, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(r => r.Result != RunResult.Running && (r.Job is "sync" or "run" || r.Job.StartsWith("sync:", StringComparison.Ordinal)));
        var names = new SortedSet<string>(sources, StringComparer.OrdinalIgnoreCase);
        foreach (var c in cursors)
        {
            names.Add(c.Source);
        }

        var result = new List<FreshnessView>();
        foreach (var name in names)
        {
            var last = cursors
                .Where(c => string.Equals(c.Source, name, StringComparison.OrdinalIgnoreCase) && c.LastCommit is not null)
                .Select(c => c.LastCommit!.Value)
                .DefaultIfEmpty(DateTimeOffset.MinValue)
                .Max();
            var quarantined = (await store.QuarantinedAsync(name, cancellationToken).ConfigureAwait(false)).Count;
            var notes = new List<string>();
            Rag level;
            double? ageHours = null;
            string age;
            if (last == DateTimeOffset.MinValue)
            {
                level = Rag.Red;
                age = "never synced";
                notes.Add("no successful sync recorded");
            }
            else
            {
                ageHours = Math.Round(Math.Max(0, (asOf - last).TotalHours), 1);
                age = ageHours < 48 ? F($"{ageHours:0.#} h") : F($"{ageHours / 24:0.#} d");
                level = ageHours >= s.FreshnessRedHours ? Rag.Red : ageHours >= s.FreshnessAmberHours ? Rag.Amber : Rag.Green;
            }

            if (syncedNow is not null && syncedNow.TryGetValue(name, out var failure))
            {
                if (failure is not null)
                {
                    level = level == Rag.Green ? Rag.Amber : level;
                    notes.Add("sync failed: " + failure);
                }
            }
            else if (lastSync is { Result: RunResult.Failed or RunResult.Partial } run
                && (run.Error?.Contains(name, StringComparison.OrdinalIgnoreCase) == true || run is { Error: null, Result: RunResult.Failed }))
            {
                level = level == Rag.Green ? Rag.Amber : level;
                notes.Add(F($"last sync run {run.Result.ToString().ToLowerInvariant()}") + (run.Error is null ? "" : ": " + run.Error));
            }

            if (quarantined > 0)
            {
                level = level == Rag.Green ? Rag.Amber : level;
                notes.Add(F($"{quarantined} records quarantined"));
            }

            var lastText = last == DateTimeOffset.MinValue ? "never" : Format(last, zone);
            result.Add(new FreshnessView(name, lastText, ageHours, age, Assessment.Name(level), quarantined, notes.Count == 0 ? null : string.Join("; ", notes)));
        }

        return result;
    }

    public static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
