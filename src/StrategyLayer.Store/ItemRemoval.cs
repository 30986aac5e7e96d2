using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store;

/// <summary>An item of the syncing source, by its source id, found gone upstream (or out of scope).</summary>
public sealed record ItemRemoval(string SourceId, Removal Removal);
