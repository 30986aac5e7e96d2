using System.Collections.Concurrent;

namespace StrategyLayer.Store;

/// <summary>
/// <see cref="IStoreLocks"/> within one process: what an engine with one writer process (LiteDB)
/// needs, and what a test double can use.
/// </summary>
public sealed class ProcessLocks : IStoreLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IAsyncDisposable?> TryLockAsync(string name, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(0, cancellationToken).ConfigureAwait(false) ? new Held(gate) : null;
    }

    public async Task<IAsyncDisposable> LockAsync(string name, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Held(gate);
    }

    // The semaphores are never disposed: a handle may be given back after its store closed, and
    // an undisposed SemaphoreSlim that never waited holds nothing but memory.
    private sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
