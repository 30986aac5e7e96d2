namespace StrategyLayer.Scheduling;

/// <summary>
/// Named locks shared by every scheduler on the same store: one process's semaphores on LiteDB
/// (one scheduler), PostgreSQL advisory locks on a cluster (released when the holder's connection
/// ends, so a dead node holds nothing).
/// </summary>
internal interface IScheduleLocks : IAsyncDisposable
{
    /// <summary>Takes the lock if it is free, else null at once.</summary>
    Task<IAsyncDisposable?> TryTakeAsync(string name, CancellationToken cancellationToken);

    /// <summary>Takes the lock, waiting for its holder.</summary>
    Task<IAsyncDisposable> TakeAsync(string name, CancellationToken cancellationToken);
}
