namespace StrategyLayer.Store;

/// <summary>
/// Every reading role: what a read-only view (the web view, <c>status</c>, a report that saves
/// nothing) is given. It implements whole roles, so a view can hold nothing that writes.
/// </summary>
public interface IStoreReader : IItemReader, IMappingReader, ISnapshotReader, IRunReader
{
    /// <summary>Where the store is, for people (<c>status</c> prints it): a file path or a server address, never a secret.</summary>
    string Description { get; }
}
