using StrategyLayer.Store.Specification;
using StrategyLayer.Tests.Support;

namespace StrategyLayer.Store.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL engine for the specification: a fresh database of the collection's private
/// cluster per store (a class fixture may depend on the collection's fixture).
/// </summary>
public sealed class PostgreSqlStoreFixture(PostgreSqlCluster cluster) : IStoreFixture
{
    public PostgreSqlCluster Cluster { get; } = cluster;

    public async Task<IStrategyStore> CreateAsync(CancellationToken cancellationToken) =>
        await PostgreSqlStore.OpenAsync(PostgreSqlLocation.Parse(await Cluster.CreateDatabaseAsync("spec")), null, cancellationToken);

    public async Task<IStrategyStore> ReopenAsync(IStrategyStore store, CancellationToken cancellationToken)
    {
        var location = ((PostgreSqlStore)store).Location;
        await store.DisposeAsync();
        return await PostgreSqlStore.OpenAsync(location, null, cancellationToken);
    }
}
