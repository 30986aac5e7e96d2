using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store.Documents;

/// <summary>
/// For engines: an incoming item as it is compared and stored. <paramref name="Normalized"/> is the
/// item without what the store keeps itself (previous keys, removal), <paramref name="Json"/> its
/// <see cref="StoreJson"/> form and <paramref name="Hash"/> that form's <see cref="ContentHash"/>: two
/// copies with the same hash are the same content, whatever the engine.
/// </summary>
public sealed record ItemDocument(WorkItem Item, WorkItem Normalized, byte[] Json, long Hash)
{
    public static ItemDocument Of(WorkItem item)
    {
        var normalized = item.PreviousKeys.Count == 0 && item.Removed is null ? item : item with { PreviousKeys = [], Removed = null };
        var json = StoredItemWriter.ToUtf8Bytes(normalized);
        return new ItemDocument(item, normalized, json, ContentHash.Of(json));
    }
}
