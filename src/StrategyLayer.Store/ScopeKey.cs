namespace StrategyLayer.Store;

/// <summary>A stored, not removed, item as a full sync compares it with the source's scope.</summary>
public sealed record ScopeKey(string Uid, string SourceId, string Key, string? Partition);
