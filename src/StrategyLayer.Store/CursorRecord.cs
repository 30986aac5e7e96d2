namespace StrategyLayer.Store;

/// <summary>A partition's sync cursor as last committed, and when (the store's clock).</summary>
public sealed record CursorRecord(string Source, string Partition, string? Cursor, DateTimeOffset? LastCommit);
