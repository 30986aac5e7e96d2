namespace StrategyLayer.Store;

/// <summary>The store's part of the I/O floor: how long the plain writes took, how many documents (or rows), and what they were.</summary>
public sealed record StoreFloor(TimeSpan Elapsed, long Documents, string Engine);
