using StrategyLayer.Store.LiteDb;

namespace StrategyLayer.Tests.Support;

/// <summary>A real LiteDB store in its own temp folder, closed and deleted on dispose.</summary>
public sealed class StoreFile : IDisposable
{
    private readonly TempFolder _folder = new("sl-store");

    public StoreFile()
    {
        Store = LiteStrategyStore.Open(_folder.File("strategylayer.db"), new LiteStoreOptions { TimeProvider = TimeProvider.System });
    }

    public LiteStrategyStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        _folder.Dispose();
    }
}
