namespace StrategyLayer.Sync;

/// <summary>Reported after every committed page.</summary>
public sealed record SyncProgress(string Source, string? Table, long Fetched, int Page);
