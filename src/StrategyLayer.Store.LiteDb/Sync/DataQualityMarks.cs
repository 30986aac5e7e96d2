using LiteDB;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.LiteDb.Files;

namespace StrategyLayer.Store.LiteDb.Sync;

/// <summary>
/// What data quality keeps about a source's records, inside a commit's transaction: the quarantine
/// (records not stored) and the replaced-text marks (items stored with U+FFFD, collection <c>textfix</c>).
/// </summary>
internal static class DataQualityMarks
{
    public static void Quarantine(LiteFile file, QuarantinedRecord q) =>
        file.Quarantine.Upsert(ItemDocuments.Quarantine(q, file.Quarantine.FindById(ItemDocuments.QuarantineId(q)), file.Time.GetUtcNow()));

    /// <summary>
    /// Marks an item stored with replaced text for data quality (and for reading again), keeping when
    /// it was first so and, for a read by id, the pages its fields came on; a quarantine entry of the
    /// same record goes (it is stored now).
    /// </summary>
    public static void MarkReplaced(LiteFile file, string partition, PreparedRecord prepared)
    {
        if (prepared.Replaced.Count == 0)
        {
            return;
        }

        var item = prepared.Document.Item;

        // Stored now, with replaced text: no longer a quarantined record.
        file.Quarantine.Delete(ItemDocuments.QuarantineId(item.Source, partition, item.SourceId));
        file.Quarantine.Delete(ItemDocuments.QuarantineId(item.Source, partition, item.Key));
        var earlier = file.TextFixes.FindById(item.Uid);
        var earlierPages = new Dictionary<string, int>(StringComparer.Ordinal);
        if (earlier is not null && earlier[Names.Fields].IsArray)
        {
            foreach (var f in earlier[Names.Fields].AsArray.Select(v => v.AsDocument).Where(d => d[Names.Page].IsInt32))
            {
                earlierPages[f["f"].AsString] = f[Names.Page].AsInt32;
            }
        }

        var now = file.Time.GetUtcNow().UtcTicks;
        file.TextFixes.Upsert(new BsonDocument
        {
            [Names.Id] = item.Uid,
            [Names.Source] = item.Source,
            [Names.Partition] = partition,
            [Names.Key] = item.Key,
            ["sid"] = item.SourceId,
            [Names.Fields] = new BsonArray(prepared.Replaced.Select(r => (BsonValue)new BsonDocument
            {
                ["f"] = r.Field,
                ["p"] = r.Problem,
                [Names.Page] = r.Page is { } page ? page : earlierPages.TryGetValue(r.Field, out var was) ? was : BsonValue.Null,
            })),
            ["at"] = now,
            [Names.Since] = earlier is not null && earlier.TryGetValue(Names.Since, out var since) ? since : now,
        });
    }

    /// <summary>The ids a partition's quarantine and replaced-text marks hold: what a sync reads again by id.</summary>
    public static IReadOnlyList<string> FlaggedIds(LiteFile file, string source, string partition)
    {
        var quarantined = file.Quarantine.Find(Query.EQ(Names.Source, source))
            .Where(d => string.Equals(ItemDocuments.NullableString(d[Names.Partition]) ?? "", partition, StringComparison.Ordinal))
            .Select(d => ItemDocuments.NullableString(d["sid"]) ?? ItemDocuments.NullableString(d[Names.Key]))
            .OfType<string>();
        var replaced = file.TextFixes.Find(Query.EQ(Names.Source, source))
            .Where(d => string.Equals(ItemDocuments.NullableString(d[Names.Partition]) ?? "", partition, StringComparison.Ordinal))
            .Select(d => d["sid"].AsString);
        return quarantined.Concat(replaced).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Forgets the quarantine entries and replaced-text marks of these ids; returns how many.</summary>
    public static int Clear(LiteFile file, string source, string partition, IReadOnlyList<string> ids)
    {
        var cleared = 0;
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            cleared += file.Quarantine.Delete(ItemDocuments.QuarantineId(source, partition, id)) ? 1 : 0;
            cleared += file.TextFixes.Delete(ItemId.Uid(source, id)) ? 1 : 0;
        }

        return cleared;
    }
}
