using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store;

/// <summary>
/// A source record with the work a commit needs done before it: the item as stored
/// (<paramref name="Normalized"/>: without the store-kept previous keys and removal), its JSON, its
/// content hash and its raw JSON, compressed when the preparer expected a write
/// (<paramref name="PackedRaw"/>) or else as text (<paramref name="RawJson"/>: the commit packs it if
/// it must write after all). Made by <see cref="IStrategyStore.Prepare"/> on any thread, so a sync
/// prepares the next batch while the store commits the last one; holding the compressed raw record
/// rather than its text keeps batches small.
/// </summary>
public sealed record PreparedRecord(WorkItem Item, WorkItem Normalized, byte[] Json, long Hash, byte[]? PackedRaw, string? RawJson);
