using StrategyLayer.Domain.Items;

namespace StrategyLayer.Connectors.Contract;

/// <summary>One page from a source: normalized items with raw JSON, the ones that failed, and the cursor after it.</summary>
public sealed record SourcePage(
    string Partition,
    int Number,
    IReadOnlyList<SourceRecord> Records,
    IReadOnlyList<QuarantinedRecord> Quarantined,
    SyncCursor Cursor);

/// <summary>An item's immutable id and its current key.</summary>
public sealed record ScopeEntry(string SourceId, string Key);
