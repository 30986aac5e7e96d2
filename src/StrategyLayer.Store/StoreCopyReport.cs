namespace StrategyLayer.Store;

/// <summary>What <see cref="StoreCopy"/> carried across.</summary>
public sealed record StoreCopyReport(long Items, int Quarantined, int Cursors, int Mappings, int Snapshots, int Runs, int Deliveries, int Values)
{
    /// <summary>Link-history sightings (when a dependency was first seen) carried with their first-seen times.</summary>
    public int LinkSightings { get; init; }
}
