using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store;

namespace StrategyLayer.Sync;

/// <summary>
/// Pulls one source into the store: each page is committed with its cursor in one transaction
/// (so a crash anywhere resumes from the last committed page), unchanged items cost a hash
/// comparison, records quarantined or stored with replaced text are read again by id until they
/// read cleanly, source-recorded deletions are applied by the source's own clock, and a full sync
/// compares every key in scope with the store to mark what was deleted or moved out of scope. A
/// failing partition reports what it committed and the others go on.
/// </summary>
/// <param name="store">Where items, quarantined records and cursors go (one store sync per source).</param>
/// <param name="values">Where the deletion marks and the last full sync are kept.</param>
public sealed partial class SyncEngine(IItemSync store, INamedValues values, ILogger<SyncEngine> log, TimeProvider time)
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
            var tally = new PartitionTally(source.Name, table, await sync.GetCursorAsync(partition, cancellationToken).ConfigureAwait(false));
            try
            {
                await SyncPartitionAsync(source, sync, partition, full, fromScratch, tally, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Whatever stopped this partition (a source error, or something no one foresaw) costs
                // this partition only; what it committed before stays committed and is reported.
                if (ex is StrategyLayerException)
                {
                    log.LogError("Sync of {Source} {Table} failed after {Upserted} upserted: {Message}", source.Name, table ?? "", tally.Upserted, ex.Message);
                }
                else
                {
                    log.LogError(ex, "Sync of {Source} {Table} failed unexpectedly after {Upserted} upserted", source.Name, table ?? "", tally.Upserted);
                }

                tally.Fail(ex is StrategyLayerException ? ex.Message : $"{source.Name}: unexpected failure: {ex.Message}");
            }

            reports.Add(tally.Report());
        }

        return reports;
    }

    private async Task SyncPartitionAsync(
        IWorkSource source,
        ISourceSync sync,
        string partition,
        bool full,
        bool fromScratch,
        PartitionTally tally,
        IProgress<SyncProgress>? progress,
        CancellationToken cancellationToken)
    {
        var cursor = fromScratch ? null : SyncCursor.Parse(tally.Cursor);
        var flagged = new HashSet<string>(await sync.FlaggedIdsAsync(partition, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var read = await ReadChangesAsync(source, sync, partition, cursor, flagged, seen, tally, progress, cancellationToken).ConfigureAwait(false);

        try
        {
            await RereadFlaggedAsync(source, sync, partition, seen, tally, cancellationToken).ConfigureAwait(false);
        }
        catch (StrategyLayerException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The records are still flagged: the next sync asks for them again.
            log.LogWarning("Reading {Source} {Table} records again by id failed: {Message}", source.Name, partition, ex.Message);
            tally.Fail(ex.Message);
        }

        if (!fromScratch)
        {
            tally.Deleted += await ApplyRecordedDeletionsAsync(source, sync, partition, cursor, read, cancellationToken).ConfigureAwait(false);
        }

        if (full)
        {
            var (d, o) = await DetectRemovalsAsync(source, sync, partition, cancellationToken).ConfigureAwait(false);
            tally.Deleted += d;
            tally.OutOfScope += o;
        }

        log.LogInformation(
            "Synced {Source} {Table}: {Fetched} fetched, {Upserted} upserted, {Unchanged} unchanged, {Quarantined} quarantined, {Replaced} with replaced text, {Healed} of {Reread} read again healed, {Deleted} deleted, {OutOfScope} out of scope",
            source.Name,
            partition,
            tally.Fetched,
            tally.Upserted,
            tally.Unchanged,
            tally.Quarantined,
            tally.ReplacedText,
            tally.Healed,
            tally.Reread,
            tally.Deleted,
            tally.OutOfScope);
    }

    /// <summary>
    /// The change pass. Pages are committed in batches of the store's <see cref="ISourceSync.BatchSize"/>:
    /// a commit has a fixed cost. The cursor still moves only with the batch that covers it; a crash
    /// re-reads at most one batch.
    /// Fetching runs one batch ahead of committing (a bounded channel), so HTTP, parsing and the disk
    /// overlap. Records that read cleanly now lose the flags earlier syncs gave them.
    /// </summary>
    private async Task<ReadOutcome> ReadChangesAsync(
        IWorkSource source,
        ISourceSync sync,
        string partition,
        SyncCursor? cursor,
        HashSet<string> flagged,
        HashSet<string> seen,
        PartitionTally tally,
        IProgress<SyncProgress>? progress,
        CancellationToken cancellationToken)
    {
        var table = partition.Length == 0 ? null : partition;
        var pendingCursor = false;
        ReadOutcome? outcome = null;
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
                    var commit = await sync.CommitAsync(partition, batch.Prepared, batch.Cursor, CursorWrite.WhenChanged, cancellationToken).ConfigureAwait(false);
                    pendingCursor = !commit.CursorWritten;
                    tally.Fetched += batch.Prepared.Records + batch.Prepared.Quarantined;
                    tally.Upserted += commit.Upserted;
                    tally.Unchanged += commit.Unchanged;
                    tally.Stale += commit.Stale;
                    tally.Quarantined += commit.Quarantined;
                    tally.Cursor = batch.Cursor;
                    await AccountAsync(source, sync, partition, batch.Records, batch.Rejected, flagged, seen, tally, cancellationToken).ConfigureAwait(false);
                    progress?.Report(new SyncProgress(source.Name, table, tally.Fetched, batch.LastPage));
                }
                finally
                {
                    _inFlight.Release();
                }
            }
        }
        catch when (pendingCursor && !cancellationToken.IsCancellationRequested)
        {
            // The batches committed before the failure changed nothing and left their cursor unwritten:
            // write it, so the next sync does not read them again.
            await sync.CommitAsync(partition, sync.Prepare([], []), tally.Cursor, CursorWrite.Always, CancellationToken.None).ConfigureAwait(false);
            pendingCursor = false;
            throw;
        }
        finally
        {
            // On a failed commit the reader is stopped; its own failure (a source error) surfaces above
            // once every batch read before it has been committed. Batches it left unread give back
            // their places.
            await stop.CancelAsync().ConfigureAwait(false);
            outcome = await reading.ConfigureAwait(false);
            while (batches.Reader.TryRead(out _))
            {
                _inFlight.Release();
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (outcome.LastCursor is { } last && last != tally.Cursor)
        {
            // An empty last page may still move the cursor.
            tally.Cursor = last;
            pendingCursor = true;
        }

        if (pendingCursor)
        {
            await sync.CommitAsync(partition, sync.Prepare([], []), tally.Cursor, CursorWrite.Always, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>
    /// Counts a committed batch's records stored with replaced text, notes them and the quarantined
    /// ones for the report, and clears the flags of flagged records that read cleanly now.
    /// </summary>
    private async Task AccountAsync(IWorkSource source, ISourceSync sync, string partition, IReadOnlyList<RecordNote> records, IReadOnlyList<QuarantinedRecord> rejected, HashSet<string> flagged, HashSet<string> seen, PartitionTally tally, CancellationToken cancellationToken)
    {
        var clean = new List<string>();
        foreach (var item in records)
        {
            if (flagged.Count > 0)
            {
                seen.Add(item.SourceId);
                seen.Add(item.Key);
                if (item.Replaced.Count == 0 && (flagged.Contains(item.SourceId) || flagged.Contains(item.Key)))
                {
                    clean.Add(item.SourceId);
                    clean.Add(item.Key);
                }
            }

            if (item.Replaced.Count > 0)
            {
                // Flagged by this very pass: the reading again by id need not ask for it.
                seen.Add(item.SourceId);
                seen.Add(item.Key);
                tally.ReplacedText++;
                foreach (var f in item.Replaced)
                {
                    tally.Note(new SyncDataQuality(ItemId.Format(source.Name, item.Key), f.Page, f.Field, f.Problem, Quarantined: false));
                }
            }
        }

        foreach (var q in rejected)
        {
            seen.Add(q.SourceId ?? q.Key ?? "");
            seen.Add(q.Key ?? "");
            tally.Note(new SyncDataQuality(ItemId.Format(source.Name, q.Key ?? q.SourceId ?? "?"), q.Page, null, q.Reason, Quarantined: true));
        }

        if (clean.Count > 0)
        {
            var cleared = await sync.ClearDataQualityAsync(partition, clean, cancellationToken).ConfigureAwait(false);
            tally.Healed += clean.Count / 2;
            log.LogInformation("{Count} {Source} records flagged before read cleanly now ({Cleared} flags cleared)", clean.Count / 2, source.Name, cleared);
        }
    }

    private static string DeletionsKey(IWorkSource source, string partition) => "deletions-at:" + source.Name + ":" + partition;
}
