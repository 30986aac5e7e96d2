using StrategyLayer.Store.Documents;
using StrategyLayer.Store.PostgreSql.Writing;

namespace StrategyLayer.Store.PostgreSql.Syncing;

/// <summary>
/// Records made ready by <see cref="PostgreSqlSourceSync.Prepare"/>: each item's document (JSON and
/// hash) and its raw record, compressed when a write was expected, else kept as text and compressed
/// at commit if it must be written after all.
/// </summary>
internal sealed class PostgreSqlPreparedBatch(string source, IReadOnlyList<PreparedItem> items, IReadOnlyList<StagedQuarantine> quarantined)
    : PreparedBatch(items.Count, quarantined.Count)
{
    public string Source { get; } = source;

    public IReadOnlyList<PreparedItem> Items { get; } = items;

    public IReadOnlyList<StagedQuarantine> QuarantinedRows { get; } = quarantined;
}

/// <param name="Replaced">The record's fields stored with U+FFFD: the commit marks the item for data quality.</param>
internal sealed record PreparedItem(ItemDocument Document, byte[]? PackedRaw, ReadOnlyMemory<byte> RawUtf8, IReadOnlyList<Domain.Items.ReplacedText> Replaced);
