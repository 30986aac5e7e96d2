using StrategyLayer.Store.Specification;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Store.PostgreSql.Tests.Specification;

/// <summary>The store contract's SignInKey specification, run against the PostgreSQL engine.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSignInKeyTests(PostgreSqlStoreFixture fixture) : SignInKeySpecification<PostgreSqlStoreFixture>(fixture);
