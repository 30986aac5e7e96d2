using StrategyLayer.Store.Specification;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Store.PostgreSql.Tests.Specification;

/// <summary>The store contract's Copy specification, run against the PostgreSQL engine.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlCopyTests(PostgreSqlStoreFixture fixture) : CopySpecification<PostgreSqlStoreFixture>(fixture);
