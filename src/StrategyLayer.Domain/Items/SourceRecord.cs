namespace StrategyLayer.Domain.Items;

/// <summary>A normalized item with the raw JSON it came from.</summary>
public sealed record SourceRecord(WorkItem Item, string RawJson);

/// <summary>A record the connector could not normalize: kept, reported, never silently dropped.</summary>
public sealed record QuarantinedRecord(string Source, string? Partition, string? Key, string? SourceId, string Reason, string RawJson);
