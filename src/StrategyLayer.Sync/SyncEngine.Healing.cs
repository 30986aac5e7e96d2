using Microsoft.Extensions.Logging;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store;

namespace StrategyLayer.Sync;

public sealed partial class SyncEngine
{
    /// <summary>
    /// Reads again, by id and whatever their updated time, the partition's records that earlier syncs
    /// quarantined or stored with replaced text (and this sync's change pass did not bring): one that
    /// reads cleanly is stored and loses its flag, one gone upstream loses its flag (a stored item of
    /// it is marked deleted), one still bad stays flagged for the next sync. Nothing stays missing
    /// silently because its upstream record was mended without a newer updated time.
    /// </summary>
    private async Task RereadFlaggedAsync(IWorkSource source, ISourceSync sync, string partition, HashSet<string> seen, PartitionTally tally, CancellationToken cancellationToken)
    {
        var ids = (await sync.FlaggedIdsAsync(partition, cancellationToken).ConfigureAwait(false)).Where(id => !seen.Contains(id)).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        log.LogInformation("Reading {Count} flagged {Source} records again by id", ids.Count, source.Name);
        tally.Reread += ids.Count;
        await foreach (var batch in source.RereadAsync(partition, ids, cancellationToken).ConfigureAwait(false))
        {
            var commit = await sync.CommitAsync(partition, sync.Prepare(batch.Records, batch.Quarantined), null, CursorWrite.Always, cancellationToken).ConfigureAwait(false);
            tally.Fetched += batch.Records.Count + batch.Quarantined.Count;
            tally.Upserted += commit.Upserted;
            tally.Unchanged += commit.Unchanged;
            tally.Stale += commit.Stale;
            tally.Quarantined += commit.Quarantined;
            await AccountAsync(source, sync, partition, RecordNote.Of(batch.Records), batch.Quarantined, new HashSet<string>(ids, StringComparer.Ordinal), [], tally, cancellationToken).ConfigureAwait(false);

            if (batch.Missing.Count > 0)
            {
                // Deleted upstream, or no longer visible to us: nothing is left to read.
                var now = time.GetUtcNow();
                tally.Deleted += await sync.MarkRemovedAsync([.. batch.Missing.Select(id => new ItemRemoval(id, new Removal(RemovalReason.Deleted, now)))], cancellationToken).ConfigureAwait(false);
                await sync.ClearDataQualityAsync(partition, batch.Missing, cancellationToken).ConfigureAwait(false);
                tally.Healed += batch.Missing.Count;
                log.LogInformation("{Count} flagged {Source} records are gone upstream: {Ids}", batch.Missing.Count, source.Name, batch.Missing);
            }
        }
    }
}
