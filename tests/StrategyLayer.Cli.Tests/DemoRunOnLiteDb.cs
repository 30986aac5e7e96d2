using StrategyLayer.Cli.Tests.Engines;

namespace StrategyLayer.Cli.Tests;

/// <summary>The demo run once on a LiteDB file.</summary>
public sealed class DemoRunOnLiteDb() : DemoRun(new LiteDbEngine());
