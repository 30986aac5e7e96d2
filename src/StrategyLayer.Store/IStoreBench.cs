namespace StrategyLayer.Store;

/// <summary>
/// What <c>bench</c> asks of an engine, when the engine offers it: the store's part of the I/O floor a
/// full sync is compared with, and the store's size.
/// </summary>
public interface IStoreBench
{
    /// <summary>
    /// Writes the items (and raw records) this store holds, read back by uid, in the order given (the
    /// order the source's pages brought them), the plainest way this engine can, in batches of its
    /// <see cref="ISourceSync.BatchSize"/>, into a scratch place of its own that is thrown away after.
    /// Only the writes are timed.
    /// </summary>
    Task<StoreFloor> MeasureFloorAsync(IReadOnlyList<string> uidsInArrivalOrder, CancellationToken cancellationToken);

    /// <summary>Bytes the store takes, or null when the engine cannot tell.</summary>
    Task<long?> SizeBytesAsync(CancellationToken cancellationToken);
}
