using System.Collections.Concurrent;

namespace StrategyLayer.Scheduling;

/// <summary>The locks of a scheduler that is alone on its store (LiteDB: one writer process).</summary>
internal sealed class ProcessLocks : IScheduleLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IAsyncDisposable?> TryTakeAsync(string name, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(0, cancellationToken).ConfigureAwait(false) ? new Held(gate) : null;
    }

    public async Task<IAsyncDisposable> TakeAsync(string name, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Held(gate);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var gate in _locks.Values)
        {
            gate.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
