using System.Runtime.CompilerServices;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store;

namespace StrategyLayer.Mapping;

/// <summary><c>items</c>: stored items with their mapping, streamed in uid order, filtered.</summary>
public static class ItemListing
{
    /// <exception cref="Domain.Errors.DiagnosticsException">The query does not parse (thrown before any item is read).</exception>
    public static IAsyncEnumerable<ItemView> List<TStore>(TStore store, ItemListQuery query, CancellationToken cancellationToken)
        where TStore : IItemReader, IMappingReader
    {
        // Compiled here, not inside the iterator, so that a bad query fails at once.
        Func<WorkItem, bool>? filter = query.Query is { Length: > 0 } text
            ? new ItemFilterCompiler(query.CustomFields).Compile(text, query.AsOf)
            : null;
        return FilterAsync(store, query, filter, cancellationToken);
    }

    private static async IAsyncEnumerable<ItemView> FilterAsync<TStore>(TStore store, ItemListQuery query, Func<WorkItem, bool>? filter, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TStore : IItemReader, IMappingReader
    {
        var mappings = await store.LoadMappingsAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var item in store.ItemsAsync(new ItemQuery { Team = query.Team, IncludeRemoved = query.IncludeRemoved }, cancellationToken).ConfigureAwait(false))
        {
            if ((!query.IncludeRemoved && item.Removed is not null)
                || (query.Team is { } team && !string.Equals(item.Team, team, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            mappings.TryGetValue(item.Uid, out var mapping);
            if ((query.UntrackedOnly && mapping?.Untracked != true)
                || (query.Measure is { } measure && !string.Equals(mapping?.MeasureId, measure, StringComparison.OrdinalIgnoreCase))
                || (filter is not null && !filter(item)))
            {
                continue;
            }

            yield return ItemView.From(item, mapping);
        }
    }
}
