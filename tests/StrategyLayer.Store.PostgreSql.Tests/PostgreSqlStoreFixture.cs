using System.Collections.Concurrent;
using StrategyLayer.Store.Specification;
using StrategyLayer.Tests.Support;

namespace StrategyLayer.Store.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL engine for the specification: a fresh database of the collection's private
/// cluster per store (a class fixture may depend on the collection's fixture).
/// </summary>
public sealed class PostgreSqlStoreFixture(PostgreSqlCluster cluster) : IStoreFixture
{
    private readonly ConcurrentDictionary<string, TimeProvider> _clocks = new(StringComparer.Ordinal);

    public PostgreSqlCluster Cluster { get; } = cluster;

    public async Task<IStrategyStore> CreateAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var location = PostgreSqlLocation.Parse(await Cluster.CreateDatabaseAsync("spec"));
        _clocks[location.Display] = time;
        return await PostgreSqlStore.OpenAsync(location, new PostgreSqlStoreOptions { TimeProvider = time }, cancellationToken);
    }

    public async Task<IStrategyStore> ReopenAsync(IStrategyStore store, CancellationToken cancellationToken)
    {
        var location = ((PostgreSqlStore)store).Location;
        await store.DisposeAsync();
        return await PostgreSqlStore.OpenAsync(location, new PostgreSqlStoreOptions { TimeProvider = _clocks.GetValueOrDefault(location.Display, TimeProvider.System) }, cancellationToken);
    }
}
