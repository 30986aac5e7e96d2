using System.Globalization;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store;

namespace StrategyLayer.Sync;

public sealed partial class SyncEngine
{
    /// <summary>
    /// Deletions the source records itself (ServiceNow's audit), read by the source's own clock: from
    /// the newest deletion record seen before (or, once, the instance's time when this partition was
    /// first read), never from this machine's clock, which may run ahead of the instance's or behind
    /// it. The source subtracts its overlap window.
    /// </summary>
    private async Task<long> ApplyRecordedDeletionsAsync(IWorkSource source, ISourceSync sync, string partition, SyncCursor? cursor, ReadOutcome read, CancellationToken cancellationToken)
    {
        var key = DeletionsKey(source, partition);
        var stored = Instant(await values.GetValueAsync(key, cancellationToken).ConfigureAwait(false));
        var startedAt = read.FirstSourceTime ?? SyncCursor.Parse(read.LastCursor)?.Mark;
        if (cursor is null)
        {
            // A first sync reads only what exists: nothing stored to delete yet. Deletions from now on
            // are recorded after the instance served this read.
            if (stored is null && startedAt is { } first)
            {
                await values.SetValueAsync(key, first.ToString("O", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
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
            var removals = batch.SourceIds.Select(id => new ItemRemoval(id, new Removal(RemovalReason.Deleted, now))).ToList();
            deleted += await sync.MarkRemovedAsync(removals, cancellationToken).ConfigureAwait(false);
            if (batch.Mark is { } mark && (newest is null || mark > newest))
            {
                newest = mark;
            }
        }

        var next = Later(stored, newest) ?? startedAt ?? since;
        if (next != stored)
        {
            await values.SetValueAsync(key, next.ToString("O", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }

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

    private static DateTimeOffset? Instant(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
