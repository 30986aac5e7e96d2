namespace StrategyLayer.Sync;

/// <summary>
/// What one source (one table, for ServiceNow) brought in a sync; the shape of <c>sync --json</c>.
/// A partition that failed part-way still reports what it committed before it failed.
/// </summary>
public sealed record SyncReport
{
    /// <summary>Most <see cref="DataQuality"/> entries a report lists (the counts are always whole).</summary>
    public const int DataQualityLimit = 100;

    public required string Source { get; init; }
    public string? Table { get; init; }
    public long Fetched { get; init; }
    public long Upserted { get; init; }
    public long Unchanged { get; init; }
    public long Stale { get; init; }
    public long Quarantined { get; init; }

    /// <summary>Records stored with text replaced by U+FFFD (data quality, not a failure).</summary>
    public long ReplacedText { get; init; }

    /// <summary>Quarantined records and records stored with replaced text from earlier syncs, read again by id.</summary>
    public long Reread { get; init; }

    /// <summary>Of those, the ones that now read cleanly or are gone upstream: no longer flagged.</summary>
    public long Healed { get; init; }

    public long Deleted { get; init; }
    public long OutOfScope { get; init; }
    public string? Cursor { get; init; }

    /// <summary>The records stored with replaced text and those quarantined, with item, page and field (at most <see cref="DataQualityLimit"/>).</summary>
    public IReadOnlyList<SyncDataQuality> DataQuality { get; init; } = [];

    public string? Error { get; init; }
    public bool Failed => Error is not null;
}
