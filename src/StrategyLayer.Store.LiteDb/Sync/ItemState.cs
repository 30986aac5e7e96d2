namespace StrategyLayer.Store.LiteDb.Sync;

/// <summary>What a sync compares, per stored item: the content hash and the source's updated time (UTC ticks).</summary>
internal readonly record struct ItemState(long Hash, long UpdatedTicks);
