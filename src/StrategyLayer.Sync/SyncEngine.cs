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
public sealed class SyncEngine(IStrategyStore store, ILogger log, TimeProvider time)
{
    private const int ClassifyChunk = 100;
    /// <summary>
    /// Items per commit (one LiteDB transaction, one fsync). Sources deliver items in change order,
    /// scattered over the uid index: larger transactions share index pages (measured at 50k items:
    /// 500 → 14 s, 2,000 → 8 s, 5,000 → 7 s of store time). The benchmark's I/O floor uses the same size.
    /// </summary>
    public const int CommitBatch = 2000;

    /// <summary>
    /// Batches being filled, prepared or committed at once, over every source this engine syncs side
    /// by side: bounds memory (about 3 × 2,000 items) however many sources run.
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
        // The loaded states stay as they were (the reading side consults them to decide what to
        // compress); the committing side keeps its own copy current.
        var loaded = store.LoadItemStates(source.Name);
        var states = new Dictionary<string, ItemState>(loaded);
        var reports = new List<SyncReport>();
        foreach (var partition in source.Partitions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var table = partition.Length == 0 ? null : partition;
            try
            {
                reports.Add(await SyncPartitionAsync(source, partition, table, full, fromScratch, loaded, states, progress, cancellationToken).ConfigureAwait(false));
            }
            catch (StrategyLayerException ex) when (!cancellationToken.IsCancellationRequested)
            {
                log.Error("Sync of {Source} {Table} failed: {Message}", source.Name, table ?? "", ex.Message);
                reports.Add(new SyncReport
                {
                    Source = source.Name,
                    Table = table,
                    Error = ex.Message,
                    Cursor = store.GetCursor(source.Name, partition),
                });
            }
        }

        return reports;
    }

    private async Task<SyncReport> SyncPartitionAsync(
        IWorkSource source,
        string partition,
        string? table,
        bool full,
        bool fromScratch,
        IReadOnlyDictionary<string, ItemState> loaded,
        Dictionary<string, ItemState> states,
        IProgress<SyncProgress>? progress,
        CancellationToken cancellationToken)
    {
        var storedCursor = store.GetCursor(source.Name, partition);
        var cursor = fromScratch ? null : SyncCursor.Parse(storedCursor);
        long fetched = 0, upserted = 0, unchanged = 0, stale = 0, quarantined = 0;
        var lastCursor = storedCursor;
        var pendingCursor = false;
        var started = time.GetUtcNow();

        // Pages are committed in batches of about CommitBatch items: each LiteDB transaction has a
        // fixed cost (an fsync) and touches index pages all over the file. The cursor still moves
        // only with the batch that covers it; a crash re-reads at most one batch. Fetching runs one
        // batch ahead of committing (a bounded channel), so HTTP, parsing and the disk overlap.
        var batches = Channel.CreateBounded<Task<Batch>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadBatchesAsync(source, partition, cursor, loaded, batches.Writer, stop.Token), CancellationToken.None);
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
                    fetched += batch.Records.Count + batch.Rejected.Count;
                    var commit = store.CommitPrepared(source.Name, partition, batch.Records, batch.Rejected, lastCursor, states, cursorOnlyIfChanged: true);
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
            store.CommitPage(source.Name, partition, [], [], lastCursor, states);
        }

        var deleted = fromScratch ? 0 : await ApplyRecordedDeletionsAsync(source, partition, cursor, started, cancellationToken).ConfigureAwait(false);
        long outOfScope = 0;
        if (full)
        {
            var (d, o) = await DetectRemovalsAsync(source, partition, cancellationToken).ConfigureAwait(false);
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
    /// Reads pages into batches of about <see cref="CommitBatch"/> records. Each batch is prepared for
    /// the store (serialized, hashed, compressed when new or changed since <paramref name="loaded"/>)
    /// on a pool thread while the next pages are fetched; the channel carries the preparations in
    /// order. A source failure completes the channel with it. Returns the last cursor seen (an empty
    /// last page may still move it).
    /// </summary>
    private async Task<string?> ReadBatchesAsync(IWorkSource source, string partition, SyncCursor? cursor, IReadOnlyDictionary<string, ItemState> loaded, ChannelWriter<Task<Batch>> writer, CancellationToken cancellationToken)
    {
        var records = new List<SourceRecord>();
        var rejected = new List<QuarantinedRecord>();
        string? lastCursor = null;
        var lastPage = 0;

        Task<Batch> Prepare()
        {
            var (batch, quarantined, at, page) = (records, rejected, lastCursor, lastPage);
            records = [];
            rejected = [];
            return Task.Run(() => new Batch(batch.ConvertAll(r => store.Prepare(r, loaded)), quarantined, at, page), CancellationToken.None);
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

                if (records.Count + rejected.Count >= CommitBatch)
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
    private sealed record Batch(List<PreparedRecord> Records, List<QuarantinedRecord> Rejected, string? Cursor, int LastPage);

    /// <summary>Deletions the source records itself (ServiceNow's audit), since the last mark minus a day of overlap.</summary>
    private async Task<long> ApplyRecordedDeletionsAsync(IWorkSource source, string partition, SyncCursor? cursor, DateTimeOffset started, CancellationToken cancellationToken)
    {
        if (cursor is null)
        {
            // A first sync reads only what exists; there is nothing stored to delete yet.
            store.SetMeta(DeletionsKey(source, partition), started.ToString("O"));
            return 0;
        }

        var markText = store.GetMeta(DeletionsKey(source, partition));
        var since = markText is not null && DateTimeOffset.TryParse(markText, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var m)
            ? m - TimeSpan.FromHours(1)
            : cursor.Mark - TimeSpan.FromDays(1);
        long deleted = 0;
        var now = time.GetUtcNow();
        await foreach (var batch in source.ReadDeletionsAsync(partition, since, cancellationToken).ConfigureAwait(false))
        {
            var removals = batch.Select(id => (ItemId.Uid(source.Name, id), new Removal(RemovalReason.Deleted, now))).ToList();
            deleted += store.MarkRemoved(removals);
        }

        store.SetMeta(DeletionsKey(source, partition), started.ToString("O"));
        return deleted;
    }

    private async Task<(long Deleted, long OutOfScope)> DetectRemovalsAsync(IWorkSource source, string partition, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var batch in source.ListScopeAsync(partition, cancellationToken).ConfigureAwait(false))
        {
            foreach (var entry in batch)
            {
                seen.Add(entry.SourceId);
            }
        }

        var missing = store.ItemKeys(source.Name, partition).Where(k => !seen.Contains(k.SourceId)).Select(k => k.SourceId).ToList();
        long deleted = 0, outOfScope = 0;
        var now = time.GetUtcNow();
        foreach (var chunk in missing.Chunk(ClassifyChunk))
        {
            var verdicts = await source.ClassifyMissingAsync(partition, chunk, cancellationToken).ConfigureAwait(false);
            var removals = chunk.Select(id =>
            {
                var reason = verdicts.TryGetValue(id, out var r) ? r : RemovalReason.Deleted;
                return (ItemId.Uid(source.Name, id), new Removal(reason, now));
            }).ToList();
            store.MarkRemoved(removals);
            deleted += removals.Count(r => r.Item2.Reason == RemovalReason.Deleted);
            outOfScope += removals.Count(r => r.Item2.Reason == RemovalReason.OutOfScope);
        }

        store.SetMeta("fullsync:" + source.Name + ":" + partition, time.GetUtcNow().ToString("O"));
        return (deleted, outOfScope);
    }

    private static string DeletionsKey(IWorkSource source, string partition) => "deletions:" + source.Name + ":" + partition;
}
