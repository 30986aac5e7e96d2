using System.Diagnostics;
using LiteDB;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.LiteDb.Files;
using StrategyLayer.Store.LiteDb.Sync;

namespace StrategyLayer.Store.LiteDb.Roles;

/// <summary>
/// The store's part of the bench's I/O floor: LiteDB writing the documents our sync wrote (each item's
/// JSON with the same indexes, and its compressed raw record, read back from our store) in the order
/// the pages brought them, in transactions of the sync's size, into a fresh file beside the store,
/// settled as our commits are (<see cref="LiteDurability"/>). Only the writes are timed.
/// </summary>
internal sealed class LiteFloor(LiteFile file, LiteDurability durability)
{
    public StoreFloor Measure(IReadOnlyList<string> arrival, CancellationToken cancellationToken)
    {
        var path = file.Path + ".floor";
        Delete(path);
        try
        {
            using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
            var itemDocs = db.GetCollection("items");
            var raw = db.GetCollection("raw");
            itemDocs.EnsureIndex("team");
            itemDocs.EnsureIndex("lk", "LOWER($.key)");
            var elapsed = TimeSpan.Zero;
            long documents = 0;
            foreach (var batch in arrival.Distinct(StringComparer.Ordinal).Chunk(LiteSourceSync.CommitBatch))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var docs = batch.Select(Find).OfType<(WorkItem Item, byte[] Packed)>().Select(found => (
                    Item: new BsonDocument
                    {
                        ["_id"] = found.Item.Uid,
                        ["source"] = found.Item.Source,
                        ["key"] = found.Item.Key,
                        ["team"] = found.Item.Team is null ? BsonValue.Null : new BsonValue(found.Item.Team.ToLowerInvariant()),
                        ["updated"] = found.Item.Updated.UtcTicks,
                        ["j"] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(found.Item),
                    },
                    Raw: new BsonDocument { ["_id"] = found.Item.Uid, ["z"] = found.Packed })).ToList();
                var started = Stopwatch.GetTimestamp();
                db.BeginTrans();
                foreach (var (item, rawDoc) in docs)
                {
                    itemDocs.Insert(item);
                    raw.Insert(rawDoc);
                }

                db.Commit();
                if (durability == LiteDurability.Checkpointed)
                {
                    db.Checkpoint();
                }

                elapsed += Stopwatch.GetElapsedTime(started);
                documents += docs.Count * 2;
            }

            return new StoreFloor(elapsed, documents, "LiteDB " + typeof(LiteDatabase).Assembly.GetName().Version?.ToString(3) + ", " + durability.ToString().ToLowerInvariant());
        }
        finally
        {
            Delete(path);
        }
    }

    /// <summary>An item and its compressed raw record as our store holds them (not timed).</summary>
    private (WorkItem Item, byte[] Packed)? Find(string uid) => file.Read<(WorkItem, byte[])?>(() =>
        ItemDocuments.Load(file.Items.FindById(uid)) is { } item && file.Raw.FindById(uid) is { } raw
            ? (item, raw[Names.Packed].AsBinary)
            : null);

    private static void Delete(string path)
    {
        foreach (var leftover in new[] { path, System.IO.Path.ChangeExtension(path, null) + "-log" + System.IO.Path.GetExtension(path) })
        {
            File.Delete(leftover);
        }
    }
}
