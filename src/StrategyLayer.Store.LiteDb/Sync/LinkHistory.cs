using LiteDB;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.LiteDb.Files;

namespace StrategyLayer.Store.LiteDb.Sync;

/// <summary>
/// The link history (collection <c>linkseen</c>): one document per item that carries dependencies,
/// <c>{_id: uid, l: [{k: target key, t: first seen (UTC ticks)}]}</c>, written in the commit that
/// writes the item. Only written items cost anything: a new item with no dependency costs nothing,
/// a changed one a lookup by id.
/// </summary>
internal static class LinkHistory
{
    /// <summary>
    /// Keeps the first sighting of each dependency the written copy of <paramref name="item"/> carries
    /// and forgets those it no longer carries. A new sighting is dated the earlier of now and the
    /// item's update: the link was there when the item was last updated, and maybe long before.
    /// </summary>
    public static void Record(LiteFile file, WorkItem item, bool inserted)
    {
        List<string>? current = null;
        foreach (var link in item.Links ?? [])
        {
            if (link.IsBlockedBy && !string.IsNullOrWhiteSpace(link.TargetKey))
            {
                current ??= [];
                if (!current.Contains(link.TargetKey, StringComparer.OrdinalIgnoreCase))
                {
                    current.Add(link.TargetKey);
                }
            }
        }

        var stored = inserted ? null : file.LinkHistory.FindById(item.Uid);
        if (current is null)
        {
            if (stored is not null)
            {
                file.LinkHistory.Delete(item.Uid);
            }

            return;
        }

        var seen = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        if (stored is not null)
        {
            foreach (var link in stored[Names.Links].AsArray)
            {
                seen[link[Names.Key].AsString] = link[Names.Seen].AsInt64;
            }
        }

        var now = file.Time.GetUtcNow();
        var sighted = (item.Updated < now ? item.Updated : now).UtcTicks;
        var links = new BsonArray(current.Select(key => new BsonDocument
        {
            [Names.Key] = key,
            [Names.Seen] = seen.TryGetValue(key, out var first) ? first : sighted,
        }));
        var doc = new BsonDocument { [Names.Id] = item.Uid, [Names.Links] = links };
        if (stored is null)
        {
            file.LinkHistory.Insert(doc);
        }
        else
        {
            file.LinkHistory.Update(doc);
        }
    }

    /// <summary>
    /// Brings in one item's sightings from another store: each keeps the earlier of its stored and the
    /// given first-seen time; a link not yet in the history is added. Returns how many changed.
    /// </summary>
    public static int Import(LiteFile file, string uid, IEnumerable<LinkSighting> sightings)
    {
        var stored = file.LinkHistory.FindById(uid);
        var links = stored is null ? [] : stored[Names.Links].AsArray.Select(l => (Key: l[Names.Key].AsString, Seen: l[Names.Seen].AsInt64)).ToList();
        var changed = 0;
        foreach (var sighting in sightings)
        {
            var ticks = sighting.FirstSeen.UtcTicks;
            var at = links.FindIndex(l => string.Equals(l.Key, sighting.TargetKey, StringComparison.OrdinalIgnoreCase));
            if (at < 0)
            {
                links.Add((sighting.TargetKey, ticks));
                changed++;
            }
            else if (ticks < links[at].Seen)
            {
                links[at] = (links[at].Key, ticks);
                changed++;
            }
        }

        if (changed > 0)
        {
            file.LinkHistory.Upsert(new BsonDocument
            {
                [Names.Id] = uid,
                [Names.Links] = new BsonArray(links.Select(l => new BsonDocument { [Names.Key] = l.Key, [Names.Seen] = l.Seen })),
            });
        }

        return changed;
    }
}
