using LiteDB;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.Documents;

namespace StrategyLayer.Store.LiteDb.Files;

/// <summary>Items and other records as LiteDB documents, and back.</summary>
internal static class ItemDocuments
{
    public static WorkItem? Load(BsonDocument? doc) =>
        doc is null ? null : StoreJson.ReadItem(doc[Names.Json].AsBinary);

    public static string? NullableString(BsonValue value) => value.IsNull ? null : value.AsString;

    public static string CursorId(string source, string partition) => source + "|" + partition;

    public static BsonDocument KeyDocument(string source, string key, string uid) => new()
    {
        [Names.Id] = ItemId.Format(source, key).ToLowerInvariant(),
        [Names.Uid] = uid,
        [Names.BareKey] = key.ToLowerInvariant(),
    };

    /// <summary>A record quarantined again (the overlap window brings it back) replaces its earlier entry.</summary>
    public static BsonDocument Quarantine(QuarantinedRecord q, DateTimeOffset at)
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
            ["at"] = at.UtcTicks,
        };
    }

    public static QuarantinedRecord Quarantined(BsonDocument d) => new(
        d[Names.Source].AsString,
        NullableString(d[Names.Partition]),
        NullableString(d[Names.Key]),
        NullableString(d["sid"]),
        d["reason"].AsString,
        Compression.Unpack(d[Names.Packed].AsBinary));
}
