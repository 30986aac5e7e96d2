using StrategyLayer.Store.Documents;

namespace StrategyLayer.Store.LiteDb.Sync;

/// <summary>
/// A source record with the work a commit needs done before it: its document (JSON and content hash)
/// and its raw JSON, compressed when the preparer expected a write (<paramref name="PackedRaw"/>) or
/// else as text (<paramref name="RawJson"/>: the commit packs it if it must write after all). Holding
/// the compressed raw record rather than its text keeps batches small.
/// </summary>
/// <param name="Replaced">The record's fields stored with U+FFFD (<see cref="Domain.Items.SourceRecord.Replaced"/>): the commit marks the item for data quality.</param>
internal sealed record PreparedRecord(ItemDocument Document, byte[]? PackedRaw, string? RawJson, IReadOnlyList<Domain.Items.ReplacedText> Replaced);
