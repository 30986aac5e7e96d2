using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store.Specification;

/// <summary>
/// The base of every role's specification: opens stores through the engine's fixture and closes
/// every store a test opened when it ends.
/// </summary>
public abstract class StoreSpecification<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : class, IStoreFixture
{
    private readonly List<IStrategyStore> _opened = [];

    protected TFixture Fixture { get; } = fixture;

    protected static CancellationToken None => CancellationToken.None;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }
    }

    protected async Task<IStrategyStore> NewStoreAsync(TimeProvider? time = null)
    {
        var store = await Fixture.CreateAsync(time ?? TimeProvider.System, None);
        _opened.Add(store);
        return store;
    }

    protected async Task<IStrategyStore> ReopenAsync(IStrategyStore store)
    {
        var reopened = await Fixture.ReopenAsync(store, None);
        _opened.Add(reopened);
        return reopened;
    }

    /// <summary>Commits one batch of one source in a sync of its own (cursor written whatever changed).</summary>
    protected static async Task<PageCommit> CommitAsync(IItemSync store, string source, string partition, IReadOnlyList<SourceRecord> records, IReadOnlyList<QuarantinedRecord>? quarantined = null, string? cursor = null)
    {
        await using var sync = await store.BeginSyncAsync(source, None);
        return await sync.CommitAsync(partition, records, quarantined ?? [], cursor, None);
    }

    protected static async Task<int> MarkRemovedAsync(IItemSync store, string source, params ItemRemoval[] removals)
    {
        await using var sync = await store.BeginSyncAsync(source, None);
        return await sync.MarkRemovedAsync(removals, None);
    }

    protected static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> stream)
    {
        var list = new List<T>();
        await foreach (var item in stream)
        {
            list.Add(item);
        }

        return list;
    }

    // Records compare their lists by reference: compare items by their whole JSON instead.
    protected static string Json(WorkItem item) => System.Text.Json.JsonSerializer.Serialize(item);
}
