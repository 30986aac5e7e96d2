using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;

namespace StrategyLayer.Store;

/// <summary>A stored item and its mapping (null when the mapping stage has not seen the item yet).</summary>
public sealed record MappedItem(WorkItem Item, ItemMapping? Mapping);
