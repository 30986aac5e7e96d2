using StrategyLayer.Store.Specification;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Store.PostgreSql.Tests.Specification;

/// <summary>The store contract's Item specification, run against the PostgreSQL engine.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlItemTests(PostgreSqlStoreFixture fixture) : ItemSpecification<PostgreSqlStoreFixture>(fixture);
