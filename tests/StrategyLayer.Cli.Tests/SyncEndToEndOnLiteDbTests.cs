using StrategyLayer.Cli.Tests.Engines;

namespace StrategyLayer.Cli.Tests;

/// <summary><c>sync</c> end to end on the embedded engine.</summary>
public sealed class SyncEndToEndOnLiteDbTests(SandboxFixture fixture, LiteDbEngine engine) : SyncEndToEndTests<LiteDbEngine>(fixture, engine);
