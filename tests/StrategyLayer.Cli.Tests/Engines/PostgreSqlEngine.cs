using StrategyLayer.Tests.Support;

namespace StrategyLayer.Cli.Tests.Engines;

/// <summary>The server engine: a fresh database of the collection's private cluster (a class fixture may depend on the collection's).</summary>
public sealed class PostgreSqlEngine(PostgreSqlCluster cluster) : StoreEngine
{
    public PostgreSqlCluster Cluster { get; } = cluster;

    public override string Name => "postgresql";

    public override Task<string> NewStoreAsync(string folder) => Cluster.CreateDatabaseAsync("cli");
}
