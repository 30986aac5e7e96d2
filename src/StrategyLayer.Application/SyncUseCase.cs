using Microsoft.Extensions.Logging;
using StrategyLayer.Configuration;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Store;
using StrategyLayer.Sync;

namespace StrategyLayer.Application;

/// <summary>Sync: pull every configured source (or one) into the store, side by side.</summary>
public sealed class SyncUseCase(IRunContext context, WorkSourceFactory sources, RunRecorder runs)
{
    /// <summary>The sync as its own run (one run record, <c>sync</c> or <c>sync:SOURCE</c>).</summary>
    public Task<IReadOnlyList<SyncReport>> RunAsync(string? only, bool full, CancellationToken ct) =>
        runs.RecordAsync(only is null ? "sync" : "sync:" + only, () => SyncAsync(only, full, ct), SyncReports.Outcome, ct);

    /// <summary>
    /// Syncs every configured source (or one), side by side; shared by <c>sync</c>, <c>run</c>,
    /// <c>demo</c>, <c>bench</c> and the scheduler. It records no run: whoever started the run does.
    /// <paramref name="fromScratch"/> reads every item again from the start of each source, ignoring the
    /// stored cursors (an unchanged item still costs no write): the bench's re-sync.
    /// </summary>
    public async Task<IReadOnlyList<SyncReport>> SyncAsync(string? only, bool full, CancellationToken ct, bool fromScratch = false)
    {
        var config = await context.ConfigAsync(ct).ConfigureAwait(false);
        var selected = config.Sources.Where(s => only is null || s.Name == only).ToList();
        if (only is not null && selected.Count == 0)
        {
            throw new StrategyLayerException($"no source named '{only}' in {config.File}; configured: {string.Join(", ", config.Sources.Select(s => s.Name))}", ErrorKind.Usage);
        }

        // Sources are independent: they sync side by side (one's HTTP waits overlap the other's
        // work), each committing its own batches; reports keep the configured order.
        var store = await context.StoreAsync(ct).ConfigureAwait(false);
        var engine = new SyncEngine(store, store, context.Logs.CreateLogger<SyncEngine>(), context.Time);
        var perSource = await Task.WhenAll(selected.Select(settings => SyncSourceAsync(engine, settings, full, fromScratch, store, ct))).ConfigureAwait(false);
        return perSource.SelectMany(r => r).ToList();
    }

    /// <summary>
    /// One source, on its own: whatever it throws (its settings, its first request, something no one
    /// foresaw) becomes its error entry, and the sources beside it keep what they synced.
    /// </summary>
    private async Task<IReadOnlyList<SyncReport>> SyncSourceAsync(SyncEngine engine, SourceConfig settings, bool full, bool fromScratch, IItemReader store, CancellationToken ct)
    {
        IWorkSource? created = null;
        try
        {
            await using var source = created = sources(settings, context.Logs, context.Time);
            var rows = await SourceRows.CreateAsync(context, source, context.Progress, store, ct).ConfigureAwait(false);
            var reports = await engine.SyncAsync(source, full, rows, ct, fromScratch).ConfigureAwait(false);
            rows.Finish(reports);
            return reports;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            context.Logs.CreateLogger<SyncUseCase>().LogError(ex, "Sync of {Source} failed", settings.Name);
            // The connector's partitions when it was built (its default tables included), else the tables the config names.
            var partitions = created?.Partitions ?? settings.Tables;
            var tables = settings.Type == "servicenow" && partitions.Count > 0 ? partitions.Select(t => (string?)t) : [null];
            return [.. tables.Select(t => new SyncReport { Source = settings.Name, Table = t, Error = ex is StrategyLayerException ? ex.Message : $"{settings.Name}: unexpected failure: {ex.Message}" })];
        }
    }
}
