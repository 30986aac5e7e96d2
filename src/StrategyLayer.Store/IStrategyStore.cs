namespace StrategyLayer.Store;

/// <summary>
/// A store engine, opened: every role. Only the composition root holds one; each stage is given the
/// roles it uses (sync: <see cref="IItemSync"/> and <see cref="INamedValues"/>; mapping:
/// <see cref="IItemReader"/>, <see cref="IMappingStore"/>, <see cref="INamedValues"/>; reporting:
/// <see cref="IStoreReader"/> and <see cref="ISnapshotStore"/>; distribution and scheduling:
/// <see cref="IRunStore"/> and <see cref="IStoreLocks"/>; the web view: <see cref="IStoreReader"/>,
/// and <see cref="ISignInKeys"/> for its cookies). Disposing closes the engine.
/// </summary>
public interface IStrategyStore : IStoreReader, IItemSync, IMappingStore, ISnapshotStore, IRunStore, INamedValues, IStoreLocks, ISignInKeys, IAsyncDisposable, IDisposable;
