using StrategyLayer.Domain.Items;
using StrategyLayer.Store;

namespace StrategyLayer.Mapping.Tests.Support;

/// <summary>A real LiteDB store on a temp file, deleted with its folder on dispose.</summary>
internal sealed class StoreFile : IDisposable
{
    private readonly TempFolder _folder = new();

    public StoreFile() => Store = LiteStrategyStore.Open(System.IO.Path.Combine(_folder.Path, "store.db"));

    public LiteStrategyStore Store { get; }

    public void Put(params WorkItem[] items)
    {
        foreach (var group in items.GroupBy(i => i.Source))
        {
            Store.CommitPage(group.Key, "test", [.. group.Select(i => new SourceRecord(i, "{}"))], [], null);
        }
    }

    public void Dispose()
    {
        Store.Dispose();
        _folder.Dispose();
    }
}
