using System.Collections.Concurrent;
using StrategyLayer.Store.Specification;

namespace StrategyLayer.Store.LiteDb.Tests;

/// <summary>The LiteDB engine for the specification: a new file in a temporary folder per store.</summary>
public sealed class LiteStoreFixture : IStoreFixture, IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ConcurrentDictionary<string, TimeProvider> _clocks = new(StringComparer.Ordinal);

    public Task<IStrategyStore> CreateAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var path = _temp.File(Guid.NewGuid().ToString("N") + "/store.db");
        _clocks[Path.GetFullPath(path)] = time;
        return Task.FromResult<IStrategyStore>(LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = time }));
    }

    public async Task<IStrategyStore> ReopenAsync(IStrategyStore store, CancellationToken cancellationToken)
    {
        var path = ((LiteStrategyStore)store).Path;
        await store.DisposeAsync();
        return LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = _clocks.GetValueOrDefault(path, TimeProvider.System) });
    }

    public void Dispose() => _temp.Dispose();
}
