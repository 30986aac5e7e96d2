using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store;

namespace StrategyLayer.Sync;

public sealed partial class SyncEngine
{
    /// <summary>
    /// Reads pages into batches of about the store's <see cref="ISourceSync.BatchSize"/> records. Each
    /// batch is prepared for the store (<see cref="ISourceSync.Prepare"/>) on a pool thread while the
    /// next pages are fetched; the channel carries the preparations in order. A source failure completes the channel with it. Returns the last cursor seen (an empty
    /// last page may still move it) and the source's clock when it served the first page.
    /// </summary>
    private async Task<ReadOutcome> ReadBatchesAsync(IWorkSource source, ISourceSync sync, string partition, SyncCursor? cursor, ChannelWriter<Task<Batch>> writer, CancellationToken cancellationToken)
    {
        var batchSize = sync.BatchSize;
        var records = new List<SourceRecord>();
        var rejected = new List<QuarantinedRecord>();
        string? lastCursor = null;
        DateTimeOffset? firstSourceTime = null;
        var lastPage = 0;

        Task<Batch> Prepare()
        {
            var (batch, quarantined, at, page) = (records, rejected, lastCursor, lastPage);
            records = [];
            rejected = [];
            return Task.Run(() => new Batch(sync.Prepare(batch, quarantined), RecordNote.Of(batch), quarantined, at, page), CancellationToken.None);
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

                firstSourceTime ??= page.SourceTime;
                lastCursor = page.Cursor.ToString();
                lastPage = page.Number;
                records.AddRange(page.Records);
                rejected.AddRange(page.Quarantined);
                foreach (var q in page.Quarantined)
                {
                    log.LogWarning("Quarantined {Source} record {Key} on page {Page}: {Reason}", source.Name, q.Key ?? q.SourceId ?? "?", page.Number, q.Reason);
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

        return new ReadOutcome(lastCursor, firstSourceTime);
    }

    /// <summary>
    /// Records of one or more pages, prepared for one commit with the cursor after them; what the
    /// accounting needs of each record is kept beside the preparation (not the records themselves).
    /// </summary>
    private sealed record Batch(PreparedBatch Prepared, IReadOnlyList<RecordNote> Records, List<QuarantinedRecord> Rejected, string? Cursor, int LastPage);

    /// <summary>What the reader saw: the last cursor, and the source's own clock when it served the first page.</summary>
    private sealed record ReadOutcome(string? LastCursor, DateTimeOffset? FirstSourceTime);
}
