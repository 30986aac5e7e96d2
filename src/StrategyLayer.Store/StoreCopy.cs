using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store;

/// <summary>
/// Copies everything one store holds into another, empty one, through the contract only (so from
/// any engine to any engine): items with their raw records, the keys moved items left behind and
/// their removal flags, quarantined records, the link history (when each dependency was first seen:
/// blocker ages), cursors, mappings, snapshots, runs, the outbox and the named values. Items stream;
/// memory stays bounded by one batch and the link history (one small row per dependency). The web
/// view's sign-in keys are not copied: they are secrets (see <see cref="ISignInKeys"/>), and a
/// browser signs in again on the new store.
/// </summary>
public static class StoreCopy
{
    public static async Task<StoreCopyReport> CopyAsync(IStrategyStore from, IStrategyStore to, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var held = await to.CountItemsAsync(null, true, cancellationToken).ConfigureAwait(false);
        var cursors = await from.CursorsAsync(cancellationToken).ConfigureAwait(false);
        if (held > 0 || (await to.CursorsAsync(cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            throw new StrategyLayerException($"the store {to.Description} already holds {held} items or sync cursors: copy only into an empty store", ErrorKind.Usage, to.Description);
        }

        var quarantined = await from.QuarantinedAsync(null, cancellationToken).ConfigureAwait(false);

        // Items stored with replaced text keep their marks, in the partition a sync asks for them (and
        // so are read again by the next sync).
        var replaced = (await from.ReplacedTextAsync(null, cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => ItemId.Uid(r.Source, r.SourceId), StringComparer.Ordinal);
        var sightings = new Dictionary<string, List<LinkSighting>>(StringComparer.Ordinal);
        await foreach (var sighting in from.LinkHistoryAsync(cancellationToken).ConfigureAwait(false))
        {
            var source = sighting.Uid[..Math.Max(0, sighting.Uid.IndexOf('/', StringComparison.Ordinal))];
            if (!sightings.TryGetValue(source, out var list))
            {
                sightings[source] = list = [];
            }

            list.Add(sighting);
        }

        var sources = cursors.Select(c => c.Source).Concat(quarantined.Select(q => q.Source)).ToHashSet(StringComparer.Ordinal);
        long items = 0;
        SourceCopy? current = null;
        try
        {
            await foreach (var item in from.ItemsAsync(ItemQuery.All, cancellationToken).ConfigureAwait(false))
            {
                if (current?.Source != item.Source)
                {
                    if (current is not null)
                    {
                        await current.FinishAsync(cursors, quarantined, cancellationToken).ConfigureAwait(false);
                        await current.DisposeAsync().ConfigureAwait(false);
                        progress?.Report($"{current.Source}: {current.Items:N0} items");
                    }

                    current = new SourceCopy(await to.BeginSyncAsync(item.Source, cancellationToken).ConfigureAwait(false), replaced, sightings.GetValueOrDefault(item.Source) ?? []);
                    sources.Remove(item.Source);
                }

                var raw = await from.GetRawAsync(item.Uid, cancellationToken).ConfigureAwait(false) ?? "";
                await current.AddAsync(item, raw, cancellationToken).ConfigureAwait(false);
                items++;
            }

            if (current is not null)
            {
                await current.FinishAsync(cursors, quarantined, cancellationToken).ConfigureAwait(false);
                progress?.Report($"{current.Source}: {current.Items:N0} items");
            }
        }
        finally
        {
            if (current is not null)
            {
                await current.DisposeAsync().ConfigureAwait(false);
            }
        }

        // Sources with cursors or quarantined records but no items.
        foreach (var source in sources.Order(StringComparer.Ordinal))
        {
            await using var empty = new SourceCopy(await to.BeginSyncAsync(source, cancellationToken).ConfigureAwait(false), replaced, []);
            await empty.FinishAsync(cursors, quarantined, cancellationToken).ConfigureAwait(false);
        }

        var mappings = await from.LoadMappingsAsync(cancellationToken).ConfigureAwait(false);
        await to.SaveMappingsAsync(mappings.Values.ToList(), [], cancellationToken).ConfigureAwait(false);
        progress?.Report($"{mappings.Count:N0} mappings");

        var periods = await from.SnapshotPeriodsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var period in periods)
        {
            if (await from.GetSnapshotAsync(period, cancellationToken).ConfigureAwait(false) is { } snapshot)
            {
                await to.SaveSnapshotAsync(snapshot, cancellationToken).ConfigureAwait(false);
            }
        }

        var runs = await from.RecentRunsAsync(int.MaxValue, null, cancellationToken).ConfigureAwait(false);
        foreach (var run in runs)
        {
            await to.SaveRunAsync(run, cancellationToken).ConfigureAwait(false);
        }

        var deliveries = await from.OutboxAsync(null, cancellationToken).ConfigureAwait(false);
        foreach (var delivery in deliveries)
        {
            await to.SaveDeliveryAsync(delivery, cancellationToken).ConfigureAwait(false);
        }

        var values = await from.ValuesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (name, value) in values)
        {
            await to.SetValueAsync(name, value, cancellationToken).ConfigureAwait(false);
        }

        return new StoreCopyReport(items, quarantined.Count, cursors.Count, mappings.Count, periods.Count, runs.Count, deliveries.Count, values.Count)
        {
            LinkSightings = sightings.Values.Sum(l => l.Count),
        };
    }

    /// <summary>One source's items going into the target, batched per partition (an item's table, or none).</summary>
    private sealed class SourceCopy(ISourceSync sync, IReadOnlyDictionary<string, ReplacedTextItem> replaced, IReadOnlyList<LinkSighting> sightings) : IAsyncDisposable
    {
        private readonly Dictionary<string, List<SourceRecord>> _batches = new(StringComparer.Ordinal);
        private readonly List<ItemRemoval> _removals = [];

        public string Source => sync.Source;

        public long Items { get; private set; }

        public async Task AddAsync(WorkItem item, string raw, CancellationToken cancellationToken)
        {
            var marked = replaced.GetValueOrDefault(item.Uid);
            var partition = marked?.Partition ?? item.Table ?? "";
            if (item.PreviousKeys.Count > 0)
            {
                // A store keeps the keys an item moved away from; the contract writes them the way a
                // sync does: the item is committed under each old key in turn, each a little older
                // (without its links: the last commit brings them, and the link history their dates).
                await FlushAsync(partition, cancellationToken).ConfigureAwait(false);
                var n = item.PreviousKeys.Count;
                for (var i = 0; i < n; i++)
                {
                    var earlier = item with { Key = item.PreviousKeys[i], PreviousKeys = [], Links = [], Removed = null, Updated = item.Updated.AddMilliseconds(i - n) };
                    await sync.CommitAsync(partition, sync.Prepare([new SourceRecord(earlier, raw)], []), null, CursorWrite.Always, cancellationToken).ConfigureAwait(false);
                }
            }

            if (!_batches.TryGetValue(partition, out var batch))
            {
                _batches[partition] = batch = [];
            }

            batch.Add(new SourceRecord(item with { PreviousKeys = [], Removed = null }, raw) { Replaced = marked?.Fields ?? [] });
            if (item.Removed is { } removal)
            {
                _removals.Add(new ItemRemoval(item.SourceId, removal));
            }

            Items++;
            if (batch.Count >= sync.BatchSize)
            {
                await FlushAsync(partition, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Commits what is left, the removals, the link history's first sightings (the commits dated
        /// the links now; the source store knew them earlier), the source's quarantined records and its
        /// cursors (as they were, last), then the dates the source store kept of them.
        /// </summary>
        public async Task FinishAsync(IReadOnlyList<CursorRecord> cursors, IReadOnlyList<QuarantinedRecord> quarantined, CancellationToken cancellationToken)
        {
            foreach (var partition in _batches.Keys.ToList())
            {
                await FlushAsync(partition, cancellationToken).ConfigureAwait(false);
            }

            if (_removals.Count > 0)
            {
                await sync.MarkRemovedAsync(_removals, cancellationToken).ConfigureAwait(false);
            }

            if (sightings.Count > 0)
            {
                await sync.ImportLinkHistoryAsync(sightings, cancellationToken).ConfigureAwait(false);
            }

            foreach (var group in quarantined.Where(q => q.Source == Source).GroupBy(q => q.Partition ?? ""))
            {
                await sync.CommitAsync(group.Key, sync.Prepare([], group.ToList()), null, CursorWrite.Always, cancellationToken).ConfigureAwait(false);
            }

            foreach (var cursor in cursors.Where(c => c.Source == Source && c.Cursor is not null))
            {
                await sync.CommitAsync(cursor.Partition, sync.Prepare([], []), cursor.Cursor, CursorWrite.Always, cancellationToken).ConfigureAwait(false);
            }

            // The commits above dated the quarantine, the replaced-text marks and the cursors now: the
            // source store's dates are the true ones (freshness and data-quality ages read them).
            await sync.ImportDatesAsync(quarantined, [.. replaced.Values], cursors, cancellationToken).ConfigureAwait(false);
        }

        public ValueTask DisposeAsync() => sync.DisposeAsync();

        private async Task FlushAsync(string partition, CancellationToken cancellationToken)
        {
            if (_batches.TryGetValue(partition, out var batch) && batch.Count > 0)
            {
                await sync.CommitAsync(partition, sync.Prepare(batch, []), null, CursorWrite.Always, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }
    }
}

