using System.Globalization;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Sync;

public sealed partial class SyncEngine
{
    /// <summary>
    /// Deletions the source records itself (ServiceNow's audit), read by the source's own clock: from
    /// the newest deletion record seen before (or, once, the instance's time when this partition was
    /// first read), never from this machine's clock, which may run ahead of the instance's or behind
    /// it. The source subtracts its overlap window.
    /// </summary>
    private async Task<long> ApplyRecordedDeletionsAsync(IWorkSource source, string partition, SyncCursor? cursor, ReadOutcome read, CancellationToken cancellationToken)
    {
        var key = DeletionsKey(source, partition);
        var stored = Instant(store.GetMeta(key));
        var startedAt = read.FirstSourceTime ?? SyncCursor.Parse(read.LastCursor)?.Mark;
        if (cursor is null)
        {
            // A first sync reads only what exists: nothing stored to delete yet. Deletions from now on
            // are recorded after the instance served this read.
            if (stored is null && startedAt is { } first)
            {
                store.SetMeta(key, first.ToString("O", CultureInfo.InvariantCulture));
            }

            return 0;
        }

        // No mark yet (a store from before marks were kept): a day before the newest change stored.
        var since = stored ?? cursor.Mark - TimeSpan.FromDays(1);
        DateTimeOffset? newest = null;
        long deleted = 0;
        var now = time.GetUtcNow();
        await foreach (var batch in source.ReadDeletionsAsync(partition, since, cancellationToken).ConfigureAwait(false))
        {
            var removals = batch.SourceIds.Select(id => (ItemId.Uid(source.Name, id), new Removal(RemovalReason.Deleted, now))).ToList();
            deleted += store.MarkRemoved(removals);
            if (batch.Mark is { } mark && (newest is null || mark > newest))
            {
                newest = mark;
            }
        }

        var next = Later(stored, newest) ?? startedAt ?? since;
        if (next != stored)
        {
            store.SetMeta(key, next.ToString("O", CultureInfo.InvariantCulture));
        }

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

    private static DateTimeOffset? Instant(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
