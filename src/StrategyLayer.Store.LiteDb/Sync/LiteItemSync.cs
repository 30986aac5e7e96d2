using System.Collections.Concurrent;
using StrategyLayer.Store.LiteDb.Files;

namespace StrategyLayer.Store.LiteDb.Sync;

/// <summary><see cref="IItemSync"/> on the file: one sync per source at a time (a second waits for the first).</summary>
internal sealed class LiteItemSync(LiteFile file) : IItemSync
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _sources = new(StringComparer.Ordinal);

    public async Task<ISourceSync> BeginSyncAsync(string source, CancellationToken cancellationToken)
    {
        file.ThrowIfDisposed();
        var gate = _sources.GetOrAdd(source, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new LiteSourceSync(file, source, () => gate.Release());
        }
        catch
        {
            gate.Release();
            throw;
        }
    }
}
