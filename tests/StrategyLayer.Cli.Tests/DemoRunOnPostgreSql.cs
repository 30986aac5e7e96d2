using StrategyLayer.Cli.Tests.Engines;
using StrategyLayer.Tests.Support;

namespace StrategyLayer.Cli.Tests;

/// <summary>The demo run once on a database of the collection's private PostgreSQL cluster.</summary>
public sealed class DemoRunOnPostgreSql(PostgreSqlCluster cluster) : DemoRun(new PostgreSqlEngine(cluster));
