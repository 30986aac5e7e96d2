using System.Text;

namespace StrategyLayer.Domain.Items;

/// <summary>
/// A normalized item with the raw record it came from, as compact UTF-8 JSON
/// (<paramref name="RawUtf8"/>: kept as bytes, so a re-sync that writes nothing never turns 300k raw
/// records into text; the store packs the bytes only when it writes).
/// </summary>
public sealed record SourceRecord(WorkItem Item, ReadOnlyMemory<byte> RawUtf8)
{
    /// <summary>A record whose raw JSON is given as text (tests, store copies).</summary>
    public SourceRecord(WorkItem item, string rawJson)
        : this(item, Encoding.UTF8.GetBytes(rawJson))
    {
    }

    /// <summary>The raw record as text (decoded on each call: the stores never need it).</summary>
    public string RawJson => Encoding.UTF8.GetString(RawUtf8.Span);

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
