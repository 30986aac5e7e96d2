using LiteDB;

namespace StrategyLayer.Store.LiteDb.Files;

/// <summary>
/// Item counts per source, kept as counters changed in the same transactions as the items: counting
/// through LiteDB would read (and cache) every document.
/// </summary>
internal static class ItemCounts
{
    public static void Adjust(LiteFile file, string source, int items, int removed)
    {
        if (items == 0 && removed == 0)
        {
            return;
        }

        var doc = file.Counts.FindById(source) ?? new BsonDocument { [Names.Id] = source, ["n"] = 0, ["r"] = 0 };
        doc["n"] = doc["n"].AsInt32 + items;
        doc["r"] = doc["r"].AsInt32 + removed;
        file.Counts.Upsert(doc);
    }

    public static int Count(LiteFile file, string? source, bool includeRemoved)
    {
        var counters = source is null ? file.Counts.FindAll().ToList() : [file.Counts.FindById(source) ?? new BsonDocument()];
        return counters.Sum(c => (c.TryGetValue("n", out var n) ? n.AsInt32 : 0) - (includeRemoved || !c.TryGetValue("r", out var r) ? 0 : r.AsInt32));
    }
}
