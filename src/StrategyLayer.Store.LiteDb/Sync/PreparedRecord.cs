using StrategyLayer.Store.Documents;

namespace StrategyLayer.Store.LiteDb.Sync;

/// <summary>
/// A source record with the work a commit needs done before it: its document (JSON and content hash)
/// and its raw JSON, compressed when the preparer expected a write (<paramref name="PackedRaw"/>) or
/// else as it came (<paramref name="RawUtf8"/>: the commit packs it if it must write after all). Holding
/// the compressed raw record rather than its text keeps batches small.
/// </summary>
/// <param name="Replaced">The record's fields stored with U+FFFD (<see cref="Domain.Items.SourceRecord.Replaced"/>): the commit marks the item for data quality.</param>
internal sealed record PreparedRecord(ItemDocument Document, byte[]? PackedRaw, ReadOnlyMemory<byte> RawUtf8, IReadOnlyList<Domain.Items.ReplacedText> Replaced);
