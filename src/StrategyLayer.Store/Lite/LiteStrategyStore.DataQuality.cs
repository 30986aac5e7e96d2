using LiteDB;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.Serialization;

namespace StrategyLayer.Store;

public sealed partial class LiteStrategyStore
{
    /// <inheritdoc />
    public IReadOnlyList<QuarantinedRecord> Quarantined(string? source = null)
    {
        ThrowIfDisposed();
        var docs = source is null ? _quarantine.FindAll() : _quarantine.Find(Query.EQ(Names.Source, source));
        return docs.Select(d => new QuarantinedRecord(
            d[Names.Source].AsString,
            NullableString(d[Names.Partition]),
            NullableString(d[Names.Key]),
            NullableString(d["sid"]),
            d["reason"].AsString,
            Compression.Unpack(d[Names.Packed].AsBinary))
        {
            Page = d[Names.Page].IsInt32 ? d[Names.Page].AsInt32 : null,
            Since = Ticks(d.TryGetValue(Names.Since, out var since) ? since : d["at"]),
        }).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<ReplacedTextItem> ReplacedText(string? source = null)
    {
        ThrowIfDisposed();
        var docs = source is null ? _textFixes.FindAll() : _textFixes.Find(Query.EQ(Names.Source, source));
        return docs.Select(d => new ReplacedTextItem(
            d[Names.Source].AsString,
            NullableString(d[Names.Partition]),
            d[Names.Key].AsString,
            d["sid"].AsString,
            d[Names.Fields].AsArray.Select(v => v.AsDocument).Select(f => new ReplacedText(f["f"].AsString, f["p"].AsString, f[Names.Page].IsInt32 ? f[Names.Page].AsInt32 : null)).ToList(),
            Ticks(d[Names.Since]) ?? DateTimeOffset.MinValue)).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> FlaggedIds(string source, string partition)
    {
        ThrowIfDisposed();
        var quarantined = _quarantine.Find(Query.EQ(Names.Source, source))
            .Where(d => string.Equals(NullableString(d[Names.Partition]) ?? "", partition, StringComparison.Ordinal))
            .Select(d => NullableString(d["sid"]) ?? NullableString(d[Names.Key]))
            .OfType<string>();
        var replaced = _textFixes.Find(Query.EQ(Names.Source, source))
            .Where(d => string.Equals(NullableString(d[Names.Partition]) ?? "", partition, StringComparison.Ordinal))
            .Select(d => d["sid"].AsString);
        return quarantined.Concat(replaced).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public int ClearDataQuality(string source, string partition, IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
        {
            return 0;
        }

        return InTransaction(() =>
        {
            var cleared = 0;
            foreach (var id in ids.Distinct(StringComparer.Ordinal))
            {
                cleared += _quarantine.Delete(QuarantineId(source, partition, id)) ? 1 : 0;
                cleared += _textFixes.Delete(ItemId.Uid(source, id)) ? 1 : 0;
            }

            return cleared;
        });
    }

    private static DateTimeOffset? Ticks(BsonValue value) => value.IsInt64 ? new DateTimeOffset(value.AsInt64, TimeSpan.Zero) : null;
}
