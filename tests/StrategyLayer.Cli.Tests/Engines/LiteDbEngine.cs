namespace StrategyLayer.Cli.Tests.Engines;

/// <summary>The embedded engine: a new file in the test's folder.</summary>
public sealed class LiteDbEngine : StoreEngine
{
    public override string Name => "litedb";

    public override Task<string> NewStoreAsync(string folder) => Task.FromResult(Path.Combine(folder, "store-" + Guid.NewGuid().ToString("N")[..8] + ".db"));
}
