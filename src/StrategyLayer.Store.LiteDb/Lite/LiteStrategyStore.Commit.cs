using LiteDB;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.Serialization;

namespace StrategyLayer.Store;

public sealed partial class LiteStrategyStore
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, ItemState> LoadItemStates(string source)
    {
        ThrowIfDisposed();
        var states = new Dictionary<string, ItemState>(StringComparer.Ordinal);
        foreach (var doc in Scan(source, ScanChunk, Names.Hash, Names.Updated))
        {
            states[doc[Names.Id].AsString] = new ItemState(doc[Names.Hash].AsInt64, doc[Names.Updated].AsInt64);
        }

        return states;
    }

    /// <inheritdoc />
    public PageCommit CommitPage(string source, string partition, IReadOnlyList<SourceRecord> records, IReadOnlyList<QuarantinedRecord> quarantined, string? cursor, IDictionary<string, ItemState>? states = null, bool cursorOnlyIfChanged = false)
    {
        ThrowIfDisposed();
        return CommitPrepared(source, partition, records.Select(r => Prepare(r)).ToList(), quarantined, cursor, states, cursorOnlyIfChanged);
    }

    /// <inheritdoc />
    public PreparedRecord Prepare(SourceRecord record, IReadOnlyDictionary<string, ItemState>? known = null)
    {
        var item = record.Item;
        var normalized = item.PreviousKeys.Count == 0 && item.Removed is null ? item : item with { PreviousKeys = [], Removed = null };
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(normalized, StoreJson.WorkItem);
        var hash = ContentHash.Of(json);
        var expectWrite = known is not null && (!known.TryGetValue(item.Uid, out var state) || state.Hash != hash);
        return expectWrite
            ? new PreparedRecord(item, normalized, json, hash, Compression.Pack(record.RawJson), null)
            : new PreparedRecord(item, normalized, json, hash, null, record.RawJson);
    }

    /// <inheritdoc />
    public PageCommit CommitPrepared(string source, string partition, IReadOnlyList<PreparedRecord> records, IReadOnlyList<QuarantinedRecord> quarantined, string? cursor, IDictionary<string, ItemState>? states = null, bool cursorOnlyIfChanged = false)
    {
        ThrowIfDisposed();

        // Without the caller's states, a page-local map still catches repeats inside the page.
        var known = states ?? new Dictionary<string, ItemState>(StringComparer.Ordinal);
        var undo = new List<(string Uid, ItemState? Before)>();
        var writes = 0;
        try
        {
            var result = InTransaction(() =>
            {
                int upserted = 0, unchanged = 0, stale = 0, added = 0, unremoved = 0;
                // In uid order, neighbours share index pages (a stable sort: a repeated item keeps its order).
                foreach (var prepared in records.OrderBy(r => r.Item.Uid, StringComparer.Ordinal))
                {
                    var item = prepared.Item;
                    if (!string.Equals(item.Source, source, StringComparison.Ordinal))
                    {
                        throw new StrategyLayerException($"item {item.Id} came with source '{item.Source}' in a page of '{source}'", ErrorKind.Runtime, item.Id);
                    }

                    var uid = item.Uid;
                    var hash = prepared.Hash;

                    ItemState? before = known.TryGetValue(uid, out var s) ? s : null;
                    BsonDocument? existing = null;
                    if (before is null && states is null)
                    {
                        existing = _items.FindById(uid);
                        before = existing is null ? null : new ItemState(existing[Names.Hash].AsInt64, existing[Names.Updated].AsInt64);
                    }

                    if (before is { } b && b.Hash == hash)
                    {
                        unchanged++;
                        continue;
                    }

                    var updatedTicks = item.Updated.UtcTicks;
                    if (before is { } older && updatedTicks < older.UpdatedTicks)
                    {
                        stale++;
                        continue;
                    }

                    if (before is not null)
                    {
                        existing ??= _items.FindById(uid);
                    }

                    var (inserted, wasRemoved) = WriteItem(partition, prepared, existing);
                    added += inserted ? 1 : 0;
                    unremoved += wasRemoved ? 1 : 0;
                    writes += 2;
                    undo.Add((uid, before));
                    known[uid] = new ItemState(hash, updatedTicks);
                    upserted++;
                }

                foreach (var q in quarantined)
                {
                    _quarantine.Upsert(QuarantineDocument(q));
                }

                var skipCursor = cursorOnlyIfChanged && upserted == 0 && quarantined.Count == 0;
                if (cursor is not null && !skipCursor)
                {
                    _cursors.Upsert(new BsonDocument
                    {
                        [Names.Id] = CursorId(source, partition),
                        [Names.Source] = source,
                        [Names.Partition] = partition,
                        [Names.Value] = cursor,
                        ["at"] = _time.GetUtcNow().UtcTicks,
                    });
                }

                AdjustCount(source, added, -unremoved);
                return new PageCommit(upserted, unchanged, stale, quarantined.Count) { CursorWritten = !skipCursor };
            });
            Interlocked.Add(ref _writes, writes);
            return result;
        }
        catch
        {
            // The transaction rolled back: so must the caller's view of what is stored.
            for (var i = undo.Count - 1; i >= 0; i--)
            {
                var (uid, before) = undo[i];
                if (before is { } state)
                {
                    known[uid] = state;
                }
                else
                {
                    known.Remove(uid);
                }
            }

            throw;
        }
    }

    /// <summary>Writes one item, its raw record and (when it moved) its old key as an alias; says whether it was new, and whether it had been removed.</summary>
    private (bool Inserted, bool WasRemoved) WriteItem(string partition, PreparedRecord prepared, BsonDocument? existing)
    {
        var item = prepared.Item;
        var previousKeys = new List<string>();
        string? movedFrom = null;
        if (existing is not null)
        {
            if (existing.TryGetValue(Names.PreviousKeys, out var pk) && pk.IsArray)
            {
                previousKeys.AddRange(pk.AsArray.Select(v => v.AsString));
            }

            var oldKey = existing[Names.Key].AsString;
            if (!string.Equals(oldKey, item.Key, StringComparison.Ordinal))
            {
                movedFrom = oldKey;
                if (!previousKeys.Contains(oldKey, StringComparer.Ordinal))
                {
                    previousKeys.Add(oldKey);
                }
            }

            // A key that comes back (moved back) is current, not previous.
            previousKeys.RemoveAll(k => string.Equals(k, item.Key, StringComparison.Ordinal));
        }

        var stored = previousKeys.Count == 0
            ? prepared.Json
            : System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(prepared.Normalized with { PreviousKeys = previousKeys }, StoreJson.WorkItem);

        var doc = new BsonDocument
        {
            [Names.Id] = item.Uid,
            [Names.Source] = item.Source,
            [Names.Partition] = partition,
            [Names.Key] = item.Key,
            [Names.Team] = item.Team is null ? BsonValue.Null : item.Team.ToLowerInvariant(),
            [Names.Removed] = false,
            [Names.Updated] = item.Updated.UtcTicks,
            [Names.Hash] = prepared.Hash,
            [Names.Json] = stored,
        };
        if (previousKeys.Count > 0)
        {
            doc[Names.PreviousKeys] = new BsonArray(previousKeys.Select(k => new BsonValue(k)));
        }

        // A new item is inserted (one index walk); only a stored one is updated in place.
        var rawDoc = new BsonDocument { [Names.Id] = item.Uid, [Names.Packed] = prepared.PackedRaw ?? Compression.Pack(prepared.RawJson ?? "") };
        var inserted = existing is null;
        if (inserted)
        {
            _items.Insert(doc);
            _raw.Insert(rawDoc);
        }
        else
        {
            _items.Update(doc);
            _raw.Upsert(rawDoc);
        }

        // Current keys are found through the items' own key index; only a key an item left behind
        // (it moved project) is kept in the keys collection, as an alias.
        if (movedFrom is not null)
        {
            _keys.Upsert(KeyDocument(item.Source, movedFrom, item.Uid));
        }

        return (inserted, existing is not null && existing[Names.Removed].AsBoolean);
    }

    /// <summary>
    /// Item counts per source are kept as counters, changed in the same transactions as the items:
    /// counting through LiteDB would read (and cache) every document.
    /// </summary>
    private void AdjustCount(string source, int items, int removed)
    {
        if (items == 0 && removed == 0)
        {
            return;
        }

        var doc = _counts.FindById(source) ?? new BsonDocument { [Names.Id] = source, ["n"] = 0, ["r"] = 0 };
        doc["n"] = doc["n"].AsInt32 + items;
        doc["r"] = doc["r"].AsInt32 + removed;
        _counts.Upsert(doc);
    }

    private static BsonDocument KeyDocument(string source, string key, string uid) => new()
    {
        [Names.Id] = ItemId.Format(source, key).ToLowerInvariant(),
        [Names.Uid] = uid,
        [Names.BareKey] = key.ToLowerInvariant(),
    };

    private static string CursorId(string source, string partition) => source + "|" + partition;

    /// <summary>A record quarantined again (the overlap window brings it back) replaces its earlier entry.</summary>
    private BsonDocument QuarantineDocument(QuarantinedRecord q)
    {
        var identity = q.SourceId ?? q.Key ?? ContentHash.Of(System.Text.Encoding.UTF8.GetBytes(q.RawJson)).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        return new BsonDocument
        {
            [Names.Id] = q.Source + "|" + (q.Partition ?? "") + "|" + identity,
            [Names.Source] = q.Source,
            [Names.Partition] = q.Partition is null ? BsonValue.Null : q.Partition,
            [Names.Key] = q.Key is null ? BsonValue.Null : q.Key,
            ["sid"] = q.SourceId is null ? BsonValue.Null : q.SourceId,
            ["reason"] = q.Reason,
            [Names.Packed] = Compression.Pack(q.RawJson),
            ["at"] = _time.GetUtcNow().UtcTicks,
        };
    }
}
