namespace StrategyLayer.Store;

/// <summary>
/// Role: named locks shared by every process working on this store (the scheduler's per-job locks
/// and a cluster's start, the outbox's delivery claims). A lock is held until its handle is
/// disposed, or until its holder dies: an engine that serves several processes releases a dead
/// process's locks by itself (PostgreSQL holds each on a connection of its own). On an engine with
/// one process (LiteDB's file lock), they are that process's own.
/// </summary>
public interface IStoreLocks
{
    /// <summary>Takes the lock if it is free; null at once when someone holds it.</summary>
    Task<IAsyncDisposable?> TryLockAsync(string name, CancellationToken cancellationToken);

    /// <summary>Takes the lock, waiting for its holder to let it go.</summary>
    Task<IAsyncDisposable> LockAsync(string name, CancellationToken cancellationToken);
}
