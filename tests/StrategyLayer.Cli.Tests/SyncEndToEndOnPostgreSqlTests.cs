using StrategyLayer.Cli.Tests.Engines;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary><c>sync</c> end to end on a PostgreSQL database of the collection's private cluster.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class SyncEndToEndOnPostgreSqlTests(SandboxFixture fixture, PostgreSqlEngine engine) : SyncEndToEndTests<PostgreSqlEngine>(fixture, engine), IClassFixture<SandboxFixture>, IClassFixture<PostgreSqlEngine>;
