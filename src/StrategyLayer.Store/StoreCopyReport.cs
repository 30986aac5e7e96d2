namespace StrategyLayer.Store;

/// <summary>What <see cref="StoreCopy"/> carried across.</summary>
public sealed record StoreCopyReport(long Items, int Quarantined, int Cursors, int Mappings, int Snapshots, int Runs, int Deliveries, int Values);
