using System.Runtime.CompilerServices;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Store;

namespace StrategyLayer.Mapping;

/// <summary><c>items --untracked</c>: in-scope items that no pin, rule or inheritance maps.</summary>
public static class UntrackedItems
{
    /// <summary>Streams the store's items, in uid order, keeping only the untracked ones.</summary>
    public static async IAsyncEnumerable<ItemView> ListAsync<TStore>(TStore store, string? team, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TStore : IItemReader, IMappingReader
    {
        var mappings = await store.LoadMappingsAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var item in store.ItemsAsync(new ItemQuery { Team = team, IncludeRemoved = false }, cancellationToken).ConfigureAwait(false))
        {
            if (item.Removed is null && mappings.TryGetValue(item.Uid, out var m) && m.Untracked)
            {
                yield return ItemView.From(item, m);
            }
        }
    }

    public static IEnumerable<ItemView> List(IEnumerable<WorkItem> items, IReadOnlyDictionary<string, ItemMapping> mappings)
    {
        foreach (var item in items)
        {
            if (item.Removed is null && mappings.TryGetValue(item.Uid, out var m) && m.Untracked)
            {
                yield return ItemView.From(item, m);
            }
        }
    }
}
