namespace StrategyLayer.Store.PostgreSql.Writing;

/// <summary>
/// A quarantined record as its row: <paramref name="Id"/> is source|partition|identity, so a record
/// quarantined again replaces its entry (keeping since when it is quarantined and, when it came back
/// from a read by id with no <paramref name="Page"/>, the page it came on before).
/// </summary>
internal sealed record StagedQuarantine(string Id, string Source, string? Partition, string? Key, string? SourceId, string Reason, byte[] PackedRaw, int? Page);
