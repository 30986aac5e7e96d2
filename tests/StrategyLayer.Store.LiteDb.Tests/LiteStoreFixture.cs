using StrategyLayer.Store.LiteDb.Tests.Support;
using StrategyLayer.Store.Specification;

namespace StrategyLayer.Store.LiteDb.Tests;

/// <summary>The LiteDB engine for the specification: a new file in a temporary folder per store.</summary>
public sealed class LiteStoreFixture : IStoreFixture, IDisposable
{
    private readonly TempFolder _temp = new();

    public Task<IStrategyStore> CreateAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IStrategyStore>(LiteStrategyStore.Open(_temp.File(Guid.NewGuid().ToString("N") + "/store.db")));

    public async Task<IStrategyStore> ReopenAsync(IStrategyStore store, CancellationToken cancellationToken)
    {
        var path = ((LiteStrategyStore)store).Path;
        await store.DisposeAsync();
        return LiteStrategyStore.Open(path);
    }

    public void Dispose() => _temp.Dispose();
}
