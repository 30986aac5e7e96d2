using Xunit;

namespace StrategyLayer.Tests.Support;

/// <summary>The test classes that share one private PostgreSQL cluster (each on its own database).</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlCluster>
{
    public const string Name = "postgresql";
}
