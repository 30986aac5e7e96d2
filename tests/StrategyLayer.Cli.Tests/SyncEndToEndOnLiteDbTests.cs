using StrategyLayer.Cli.Tests.Engines;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary><c>sync</c> end to end on the embedded engine.</summary>
public sealed class SyncEndToEndOnLiteDbTests(SandboxFixture fixture, LiteDbEngine engine) : SyncEndToEndTests<LiteDbEngine>(fixture, engine), IClassFixture<SandboxFixture>, IClassFixture<LiteDbEngine>;
