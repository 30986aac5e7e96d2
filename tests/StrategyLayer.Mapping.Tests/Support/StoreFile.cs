using StrategyLayer.Domain.Items;
using StrategyLayer.Store;
using StrategyLayer.Store.LiteDb;

namespace StrategyLayer.Mapping.Tests.Support;

/// <summary>A real LiteDB store on a temp file, deleted with its folder on dispose.</summary>
internal sealed class StoreFile : IDisposable
{
    private readonly TempFolder _folder = new();

    public StoreFile() => Store = LiteStrategyStore.Open(System.IO.Path.Combine(_folder.Path, "store.db"), new LiteStoreOptions { TimeProvider = TimeProvider.System });

    public LiteStrategyStore Store { get; }

    public async Task Put(params WorkItem[] items)
    {
        foreach (var group in items.GroupBy(i => i.Source))
        {
            await using var sync = await Store.BeginSyncAsync(group.Key, CancellationToken.None);
            await sync.CommitAsync("test", [.. group.Select(i => new SourceRecord(i, "{}"))], [], null, CancellationToken.None);
        }
    }

    public async Task Remove(string idOrKey, RemovalReason reason, DateTimeOffset at)
    {
        var item = (await Store.FindItemAsync(idOrKey, CancellationToken.None))!;
        await using var sync = await Store.BeginSyncAsync(item.Source, CancellationToken.None);
        await sync.MarkRemovedAsync([new ItemRemoval(item.SourceId, new Removal(reason, at))], CancellationToken.None);
    }

    public Task<List<WorkItem>> Items() => Store.ItemsAsync(null, CancellationToken.None).ToListAsync().AsTask();

    public void Dispose()
    {
        Store.Dispose();
        _folder.Dispose();
    }
}
