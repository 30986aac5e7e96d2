namespace StrategyLayer.Cli.Tests;

/// <summary>The demo's story, told from a LiteDB store.</summary>
public sealed class DemoEndToEndOnLiteDbTests(DemoRunOnLiteDb demo) : DemoEndToEndTests<DemoRunOnLiteDb>(demo);
