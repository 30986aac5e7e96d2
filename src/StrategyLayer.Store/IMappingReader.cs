using StrategyLayer.Domain.Mapping;

namespace StrategyLayer.Store;

/// <summary>Role: reading what the mapping stage decided, alone or beside the items.</summary>
public interface IMappingReader
{
    /// <summary>Every stored mapping by item uid (ordinal).</summary>
    Task<IReadOnlyDictionary<string, ItemMapping>> LoadMappingsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every item (removed ones too) with its mapping, or null when the mapping stage has not seen it:
    /// what a report reads, in one pass. Ordered as <see cref="IItemReader.ItemsAsync"/> orders items
    /// (by uid, ordinal), streamed with memory bounded; a mapping of no stored item is not returned.
    /// </summary>
    IAsyncEnumerable<MappedItem> MappedItemsAsync(CancellationToken cancellationToken);
}
