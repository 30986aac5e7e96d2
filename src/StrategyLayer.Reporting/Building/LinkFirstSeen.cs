using StrategyLayer.Store;

namespace StrategyLayer.Reporting.Building;

/// <summary>
/// The store's link history, read once per computation: when each item's "is blocked by" link was
/// first seen. A link the history does not hold (a store synced before it was kept) counts from
/// the item's last update, the latest time the link is known to have existed.
/// </summary>
internal sealed class LinkFirstSeen
{
    private readonly Dictionary<string, DateTimeOffset> seen = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<LinkFirstSeen> ReadAsync(IItemReader store, CancellationToken cancellationToken)
    {
        var history = new LinkFirstSeen();
        await foreach (var sighting in store.LinkHistoryAsync(cancellationToken).ConfigureAwait(false))
        {
            history.seen[Key(sighting.Uid, sighting.TargetKey)] = sighting.FirstSeen;
        }

        return history;
    }

    public int Count => seen.Count;

    public DateTimeOffset For(string uid, string targetKey, DateTimeOffset itemUpdated) =>
        seen.TryGetValue(Key(uid, targetKey), out var first) ? first : itemUpdated;

    private static string Key(string uid, string targetKey) => uid + "\n" + targetKey;
}
