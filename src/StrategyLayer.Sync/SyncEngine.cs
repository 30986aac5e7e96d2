using System.Threading.Channels;
using Serilog;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store;

namespace StrategyLayer.Sync;

/// <summary>
/// Pulls one source into the store: each page is committed with its cursor in one transaction
/// (so a crash anywhere resumes from the last committed page), unchanged items cost a hash
/// comparison, source-recorded deletions are applied, and a full sync compares every key in
/// scope with the store to mark what was deleted or moved out of scope. A failing partition is
/// reported and the others go on.
/// </summary>
/// <param name="store">Where items, quarantined records and cursors go (one sync per source).</param>
/// <param name="values">Where the deletion marks and the last full sync are kept.</param>
public sealed class SyncEngine(IItemSync store, INamedValues values, ILogger log, TimeProvider time)
{
    private const int ClassifyChunk = 100;

    /// <summary>
    /// Batches being filled, prepared or committed at once, over every source this engine syncs side
    /// by side: bounds memory (about 3 batches of the store's size) however many sources run.
    /// </summary>
    private const int BatchesInFlight = 3;

    private readonly SemaphoreSlim _inFlight = new(BatchesInFlight);

    /// <param name="source">The connector.</param>
    /// <param name="full">Also compare every key in scope with the store (deletions, scope changes).</param>
    /// <param name="progress">Told after every committed page.</param>
    /// <param name="cancellationToken">Stops after the current page.</param>
    /// <param name="fromScratch">Ignore the stored cursors and read everything again (the benchmark's re-sync); unchanged items still cost no write.</param>
    public async Task<IReadOnlyList<SyncReport>> SyncAsync(IWorkSource source, bool full, IProgress<SyncProgress>? progress, CancellationToken cancellationToken, bool fromScratch = false)
    {
        await using var sync = await store.BeginSyncAsync(source.Name, cancellationToken).ConfigureAwait(false);
        var reports = new List<SyncReport>();
        foreach (var partition in source.Partitions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var table = partition.Length == 0 ? null : partition;
            try
            {
                reports.Add(await SyncPartitionAsync(source, sync, partition, table, full, fromScratch, progress, cancellationToken).ConfigureAwait(false));
            }
            catch (StrategyLayerException ex) when (!cancellationToken.IsCancellationRequested)
            {
                log.Error("Sync of {Source} {Table} failed: {Message}", source.Name, table ?? "", ex.Message);
                reports.Add(new SyncReport
                {
                    Source = source.Name,
                    Table = table,
                    Error = ex.Message,
                    Cursor = await sync.GetCursorAsync(partition, CancellationToken.None).ConfigureAwait(false),
                });
            }
        }

        return reports;
    }

    private async Task<SyncReport> SyncPartitionAsync(
        IWorkSource source,
        ISourceSync sync,
        string partition,
        string? table,
        bool full,
        bool fromScratch,
        IProgress<SyncProgress>? progress,
        CancellationToken cancellationToken)
    {
        var storedCursor = await sync.GetCursorAsync(partition, cancellationToken).ConfigureAwait(false);
        var cursor = fromScratch ? null : SyncCursor.Parse(storedCursor);
        long fetched = 0, upserted = 0, unchanged = 0, stale = 0, quarantined = 0;
        var lastCursor = storedCursor;
        var pendingCursor = false;
        var started = time.GetUtcNow();

        // Pages are committed in batches of the store's size: a commit has a fixed cost. The cursor
        // still moves only with the batch that covers it; a crash re-reads at most one batch. Fetching
        // runs one batch ahead of committing (a bounded channel), so HTTP, parsing and the disk overlap.
        var batches = Channel.CreateBounded<Task<Batch>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadBatchesAsync(source, sync, partition, cursor, batches.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var preparing in batches.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                try
                {
                    var batch = await preparing.ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();

                    // A batch that changes nothing costs no write; its cursor is written once, after the loop.
                    lastCursor = batch.Cursor;
                    fetched += batch.Prepared.Records + batch.Prepared.Quarantined;
                    var commit = await sync.CommitAsync(partition, batch.Prepared, lastCursor, CursorWrite.WhenChanged, cancellationToken).ConfigureAwait(false);
                    pendingCursor = !commit.CursorWritten;
                    upserted += commit.Upserted;
                    unchanged += commit.Unchanged;
                    stale += commit.Stale;
                    quarantined += commit.Quarantined;
                    progress?.Report(new SyncProgress(source.Name, table, fetched, batch.LastPage));
                }
                finally
                {
                    _inFlight.Release();
                }
            }
        }
        finally
        {
            // On a failed commit the reader is stopped; its own failure (a source error) surfaces here
            // once every batch read before it has been committed. Batches it left unread give back
            // their places.
            await stop.CancelAsync().ConfigureAwait(false);
            if (await reading.ConfigureAwait(false) is { } seen)
            {
                lastCursor = seen;
            }

            while (batches.Reader.TryRead(out _))
            {
                _inFlight.Release();
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (pendingCursor)
        {
            await sync.CommitAsync(partition, sync.Prepare([], []), lastCursor, CursorWrite.Always, cancellationToken).ConfigureAwait(false);
        }

        var deleted = fromScratch ? 0 : await ApplyRecordedDeletionsAsync(source, sync, partition, cursor, started, cancellationToken).ConfigureAwait(false);
        long outOfScope = 0;
        if (full)
        {
            var (d, o) = await DetectRemovalsAsync(source, sync, partition, cancellationToken).ConfigureAwait(false);
            deleted += d;
            outOfScope += o;
        }

        log.Information(
            "Synced {Source} {Table}: {Fetched} fetched, {Upserted} upserted, {Unchanged} unchanged, {Quarantined} quarantined, {Deleted} deleted, {OutOfScope} out of scope",
            source.Name,
            table ?? "",
            fetched,
            upserted,
            unchanged,
            quarantined,
            deleted,
            outOfScope);
        return new SyncReport
        {
            Source = source.Name,
            Table = table,
            Fetched = fetched,
            Upserted = upserted,
            Unchanged = unchanged,
            Stale = stale,
            Quarantined = quarantined,
            Deleted = deleted,
            OutOfScope = outOfScope,
            Cursor = lastCursor,
        };
    }

    /// <summary>
    /// Reads pages into batches of about the store's <see cref="ISourceSync.BatchSize"/> records. Each
    /// batch is prepared for the store (<see cref="ISourceSync.Prepare"/>) on a pool thread while the
    /// next pages are fetched; the channel carries the preparations in order. A source failure
    /// completes the channel with it. Returns the last cursor seen (an empty last page may still move it).
    /// </summary>
    private async Task<string?> ReadBatchesAsync(IWorkSource source, ISourceSync sync, string partition, SyncCursor? cursor, ChannelWriter<Task<Batch>> writer, CancellationToken cancellationToken)
    {
        var batchSize = sync.BatchSize;
        var records = new List<SourceRecord>();
        var rejected = new List<QuarantinedRecord>();
        string? lastCursor = null;
        var lastPage = 0;

        Task<Batch> Prepare()
        {
            var (batch, quarantined, at, page) = (records, rejected, lastCursor, lastPage);
            records = [];
            rejected = [];
            return Task.Run(() => new Batch(sync.Prepare(batch, quarantined), at, page), CancellationToken.None);
        }

        var holding = false;
        try
        {
            await foreach (var page in source.ReadChangesAsync(partition, cursor, cancellationToken).ConfigureAwait(false))
            {
                if (!holding)
                {
                    // A batch takes its place before it fills; the committing side gives it back.
                    await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
                    holding = true;
                }

                lastCursor = page.Cursor.ToString();
                lastPage = page.Number;
                records.AddRange(page.Records);
                rejected.AddRange(page.Quarantined);
                foreach (var q in page.Quarantined)
                {
                    log.Warning("Quarantined {Source} record {Key} on page {Page}: {Reason}", source.Name, q.Key ?? q.SourceId ?? "?", page.Number, q.Reason);
                }

                if (records.Count + rejected.Count >= batchSize)
                {
                    await writer.WriteAsync(Prepare(), cancellationToken).ConfigureAwait(false);
                    holding = false;
                }
            }

            if (records.Count + rejected.Count > 0)
            {
                await writer.WriteAsync(Prepare(), cancellationToken).ConfigureAwait(false);
                holding = false;
            }

            writer.Complete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the committing side (it failed, or the caller cancelled): it reports why.
            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
        }
        finally
        {
            if (holding)
            {
                _inFlight.Release();
            }
        }

        return lastCursor;
    }

    /// <summary>Records of one or more pages, committed in one transaction with the cursor after them.</summary>
    private sealed record Batch(PreparedBatch Prepared, string? Cursor, int LastPage);

    /// <summary>Deletions the source records itself (ServiceNow's audit), since the last mark minus a day of overlap.</summary>
    private async Task<long> ApplyRecordedDeletionsAsync(IWorkSource source, ISourceSync sync, string partition, SyncCursor? cursor, DateTimeOffset started, CancellationToken cancellationToken)
    {
        if (cursor is null)
        {
            // A first sync reads only what exists; there is nothing stored to delete yet.
            await values.SetValueAsync(DeletionsKey(source, partition), started.ToString("O"), cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var markText = await values.GetValueAsync(DeletionsKey(source, partition), cancellationToken).ConfigureAwait(false);
        var since = markText is not null && DateTimeOffset.TryParse(markText, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var m)
            ? m - TimeSpan.FromHours(1)
            : cursor.Mark - TimeSpan.FromDays(1);
        long deleted = 0;
        var now = time.GetUtcNow();
        await foreach (var batch in source.ReadDeletionsAsync(partition, since, cancellationToken).ConfigureAwait(false))
        {
            var removals = batch.Select(id => new ItemRemoval(id, new Removal(RemovalReason.Deleted, now))).ToList();
            deleted += await sync.MarkRemovedAsync(removals, cancellationToken).ConfigureAwait(false);
        }

        await values.SetValueAsync(DeletionsKey(source, partition), started.ToString("O"), cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    private async Task<(long Deleted, long OutOfScope)> DetectRemovalsAsync(IWorkSource source, ISourceSync sync, string partition, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var batch in source.ListScopeAsync(partition, cancellationToken).ConfigureAwait(false))
        {
            foreach (var entry in batch)
            {
                seen.Add(entry.SourceId);
            }
        }

        var missing = (await sync.ItemKeysAsync(partition, cancellationToken).ConfigureAwait(false)).Where(k => !seen.Contains(k.SourceId)).Select(k => k.SourceId).ToList();
        long deleted = 0, outOfScope = 0;
        var now = time.GetUtcNow();
        foreach (var chunk in missing.Chunk(ClassifyChunk))
        {
            var verdicts = await source.ClassifyMissingAsync(partition, chunk, cancellationToken).ConfigureAwait(false);
            var removals = chunk.Select(id =>
            {
                var reason = verdicts.TryGetValue(id, out var r) ? r : RemovalReason.Deleted;
                return new ItemRemoval(id, new Removal(reason, now));
            }).ToList();
            await sync.MarkRemovedAsync(removals, cancellationToken).ConfigureAwait(false);
            deleted += removals.Count(r => r.Removal.Reason == RemovalReason.Deleted);
            outOfScope += removals.Count(r => r.Removal.Reason == RemovalReason.OutOfScope);
        }

        await values.SetValueAsync("fullsync:" + source.Name + ":" + partition, time.GetUtcNow().ToString("O"), cancellationToken).ConfigureAwait(false);
        return (deleted, outOfScope);
    }

    private static string DeletionsKey(IWorkSource source, string partition) => "deletions:" + source.Name + ":" + partition;
}
