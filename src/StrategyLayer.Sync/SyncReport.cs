namespace StrategyLayer.Sync;

/// <summary>What one source (one table, for ServiceNow) brought in a sync; the shape of <c>sync --json</c>.</summary>
public sealed record SyncReport
{
    public required string Source { get; init; }
    public string? Table { get; init; }
    public long Fetched { get; init; }
    public long Upserted { get; init; }
    public long Unchanged { get; init; }
    public long Stale { get; init; }
    public long Quarantined { get; init; }
    public long Deleted { get; init; }
    public long OutOfScope { get; init; }
    public string? Cursor { get; init; }
    public string? Error { get; init; }
    public bool Failed => Error is not null;
}
