namespace StrategyLayer.Store.PostgreSql.Writing;

/// <summary>A quarantined record as its row: <paramref name="Id"/> is source|partition|identity, so a record quarantined again replaces its entry.</summary>
internal sealed record StagedQuarantine(string Id, string Source, string? Partition, string? Key, string? SourceId, string Reason, byte[] PackedRaw);
