namespace StrategyLayer.Domain.Items;

/// <summary>A normalized item with the raw JSON it came from.</summary>
public sealed record SourceRecord(WorkItem Item, string RawJson)
{
    /// <summary>
    /// Fields whose text could not be read as it came (bytes that are not UTF-8, a lone UTF-16
    /// surrogate) and hold U+FFFD in its place: the item is stored, and named in data quality
    /// until a later read of it is clean. Empty for a record that read cleanly.
    /// </summary>
    public IReadOnlyList<ReplacedText> Replaced { get; init; } = [];
}

/// <summary>A record the connector could not normalize: kept, reported, never silently dropped.</summary>
public sealed record QuarantinedRecord(string Source, string? Partition, string? Key, string? SourceId, string Reason, string RawJson)
{
    /// <summary>The page of the read it came on (1-based); null when it came from a read by id.</summary>
    public int? Page { get; init; }

    /// <summary>When it was first quarantined (set by the store; null on a fresh record).</summary>
    public DateTimeOffset? Since { get; init; }
}
