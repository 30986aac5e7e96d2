using LiteDB;
using StrategyLayer.Store.Documents;
using StrategyLayer.Store.LiteDb.Files;

namespace StrategyLayer.Store.LiteDb.Sync;

/// <summary>Writes one item inside a commit's transaction: its document, its raw record, its state and (when it moved) its old key as an alias.</summary>
internal static class ItemWriter
{
    /// <summary>Says whether the item was new, and whether it had been removed.</summary>
    public static (bool Inserted, bool WasRemoved) Write(LiteFile file, string partition, PreparedRecord prepared, BsonDocument? existing)
    {
        var document = prepared.Document;
        var item = document.Item;
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
            ? document.Json
            : System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(document.Normalized with { PreviousKeys = previousKeys }, StoreJson.WorkItem);

        var doc = new BsonDocument
        {
            [Names.Id] = item.Uid,
            [Names.Source] = item.Source,
            [Names.Partition] = partition,
            [Names.Key] = item.Key,
            [Names.Team] = item.Team is null ? BsonValue.Null : item.Team.ToLowerInvariant(),
            [Names.Removed] = false,
            [Names.Json] = stored,
        };
        if (previousKeys.Count > 0)
        {
            doc[Names.PreviousKeys] = new BsonArray(previousKeys.Select(k => new BsonValue(k)));
        }

        // A new item is inserted (one index walk); only a stored one is updated in place.
        var rawDoc = new BsonDocument { [Names.Id] = item.Uid, [Names.Packed] = prepared.PackedRaw ?? RawCompression.Pack(prepared.RawUtf8.Span) };
        var inserted = existing is null;
        if (inserted)
        {
            file.Items.Insert(doc);
            file.Raw.Insert(rawDoc);
        }
        else
        {
            file.Items.Update(doc);
            file.Raw.Upsert(rawDoc);
        }

        // Current keys are found through the items' own key index; only a key an item left behind
        // (it moved project) is kept in the keys collection, as an alias.
        if (movedFrom is not null)
        {
            file.Keys.Upsert(ItemDocuments.KeyDocument(item.Source, movedFrom, item.Uid));
        }

        LinkHistory.Record(file, item, inserted);
        return (inserted, existing is not null && existing[Names.Removed].AsBoolean);
    }
}
