using StrategyLayer.Domain.Runs;
using StrategyLayer.Mapping;

namespace StrategyLayer.Application;

/// <summary>Map: apply pins and rules to the stored items; only changed mappings are written.</summary>
public sealed partial class MapUseCase(IRunContext context, ConfiguredStrategy strategy, RunRecorder runs)
{
    public const string DefaultTitle = "Mapping items to measures";

    /// <summary>Maps the stored items as its own run (one run record), with a progress row.</summary>
    public Task<MapSummary> RunAsync(bool full, CancellationToken ct, string title = DefaultTitle) =>
        runs.RecordAsync("map", () => MapAsync(full, ct, title), Outcome, ct);

    /// <summary>Maps the stored items with a progress row; records no run (whoever started the run does).</summary>
    public async Task<MapSummary> MapAsync(bool full, CancellationToken ct, string title = DefaultTitle)
    {
        var store = await context.StoreAsync(ct).ConfigureAwait(false);
        var row = context.Progress.Add(title, context.Progress.Shown ? await store.CountItemsAsync(null, true, ct).ConfigureAwait(false) : null);
        try
        {
            var summary = await MapQuietlyAsync(full, new RowProgress(row), ct).ConfigureAwait(false);
            row.Finish();
            return summary;
        }
        catch (Exception)
        {
            row.Finish("failed");
            throw;
        }
    }

    /// <summary>Maps the stored items without a row of its own; records no run.</summary>
    public async Task<MapSummary> MapQuietlyAsync(bool full, IProgress<int>? progress, CancellationToken ct)
    {
        var files = await strategy.LoadAsync(ct).ConfigureAwait(false);
        var store = await context.StoreAsync(ct).ConfigureAwait(false);
        return await MapRun.ExecuteAsync(store, files.Tree, files.Rules, context.Time.GetUtcNow(), progress, ct, full, context.Logs.CreateLogger(typeof(MapRun).FullName!)).ConfigureAwait(false);
    }

    /// <summary>What a map's run record says.</summary>
    public static JobOutcome Outcome(MapSummary summary) =>
        JobOutcome.Succeeded(new Dictionary<string, long> { ["items"] = summary.Items, ["mapped"] = summary.Mapped, ["untracked"] = summary.Untracked, ["writes"] = summary.Writes });

    // Reports on the caller's thread, at once and in order (Progress<T> posts to the thread pool,
    // so a late report could overwrite a newer one).
    private sealed class RowProgress(IStageRow row) : IProgress<int>
    {
        public void Report(int value) => row.Report(value);
    }
}
