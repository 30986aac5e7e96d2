namespace StrategyLayer.Store.PostgreSql.Writing;

/// <summary>
/// One item row on its way into <c>strategylayer.items</c> (and its raw record into
/// <c>strategylayer.raw</c>): decided to be written, serialized, hashed and packed already.
/// </summary>
internal sealed record StagedItem(
    string Uid,
    string? Partition,
    string Key,
    string? Team,
    DateTimeOffset Updated,
    long Hash,
    byte[] Json,
    byte[] PackedRaw);
