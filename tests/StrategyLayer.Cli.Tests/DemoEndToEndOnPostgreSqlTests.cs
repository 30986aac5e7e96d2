using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>The demo's story, told from a PostgreSQL store.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class DemoEndToEndOnPostgreSqlTests(DemoRunOnPostgreSql demo) : DemoEndToEndTests<DemoRunOnPostgreSql>(demo);
