using StrategyLayer.Domain.Items;

namespace StrategyLayer.Connectors.Contract;

/// <summary>One page from a source: normalized items with raw JSON, the ones that failed, and the cursor after it.</summary>
public sealed record SourcePage(
    string Partition,
    int Number,
    IReadOnlyList<SourceRecord> Records,
    IReadOnlyList<QuarantinedRecord> Quarantined,
    SyncCursor Cursor)
{
    /// <summary>The source's own clock when it served the page (its HTTP <c>Date</c> header), where it says.</summary>
    public DateTimeOffset? SourceTime { get; init; }
}

/// <summary>An item's immutable id and its current key.</summary>
public sealed record ScopeEntry(string SourceId, string Key);
