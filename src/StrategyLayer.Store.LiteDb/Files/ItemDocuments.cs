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

    /// <summary>
    /// A record quarantined again (the overlap window, or a read by id, brings it back) replaces its
    /// earlier entry, keeping when it was first quarantined and, for a read by id, the page it came on.
    /// </summary>
    public static BsonDocument Quarantine(QuarantinedRecord q, BsonDocument? earlier, DateTimeOffset at)
    {
        var now = at.UtcTicks;
        var page = q.Page is { } p ? new BsonValue(p) : earlier?[Names.Page] ?? BsonValue.Null;
        return new BsonDocument
        {
            [Names.Id] = QuarantineId(q),
            [Names.Source] = q.Source,
            [Names.Partition] = q.Partition is null ? BsonValue.Null : q.Partition,
            [Names.Key] = q.Key is null ? BsonValue.Null : q.Key,
            ["sid"] = q.SourceId is null ? BsonValue.Null : q.SourceId,
            ["reason"] = q.Reason,
            [Names.Packed] = RawCompression.Pack(q.RawJson),
            [Names.Page] = page,
            ["at"] = now,
            [Names.Since] = earlier is not null && earlier.TryGetValue(Names.Since, out var since) ? since : now,
        };
    }

    public static string QuarantineId(QuarantinedRecord q)
    {
        var identity = q.SourceId ?? q.Key ?? ContentHash.Of(System.Text.Encoding.UTF8.GetBytes(q.RawJson)).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        return QuarantineId(q.Source, q.Partition, identity);
    }

    public static string QuarantineId(string source, string? partition, string identity) => source + "|" + (partition ?? "") + "|" + identity;

    public static QuarantinedRecord Quarantined(BsonDocument d) => new(
        d[Names.Source].AsString,
        NullableString(d[Names.Partition]),
        NullableString(d[Names.Key]),
        NullableString(d["sid"]),
        d["reason"].AsString,
        RawCompression.Unpack(d[Names.Packed].AsBinary))
    {
        Page = d[Names.Page].IsInt32 ? d[Names.Page].AsInt32 : null,
        Since = Ticks(d.TryGetValue(Names.Since, out var since) ? since : d["at"]),
    };

    public static ReplacedTextItem Replaced(BsonDocument d) => new(
        d[Names.Source].AsString,
        NullableString(d[Names.Partition]),
        d[Names.Key].AsString,
        d["sid"].AsString,
        d[Names.Fields].AsArray.Select(v => v.AsDocument).Select(f => new ReplacedText(f["f"].AsString, f["p"].AsString, f[Names.Page].IsInt32 ? f[Names.Page].AsInt32 : null)).ToList(),
        Ticks(d[Names.Since]) ?? DateTimeOffset.MinValue);

    public static DateTimeOffset? Ticks(BsonValue value) => value.IsInt64 ? new DateTimeOffset(value.AsInt64, TimeSpan.Zero) : null;
}
