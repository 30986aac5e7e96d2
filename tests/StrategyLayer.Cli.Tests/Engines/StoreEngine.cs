namespace StrategyLayer.Cli.Tests.Engines;

/// <summary>
/// A store engine the end-to-end tests run the CLI on: each test class that derives its engine's
/// variant gets new, empty stores from it (a file path, or a database URI), named in the config's
/// <c>store</c> or given as <c>--store</c>.
/// </summary>
public abstract class StoreEngine
{
    public abstract string Name { get; }

    /// <summary>A new, empty store: a path under <paramref name="folder"/>, or a fresh database.</summary>
    public abstract Task<string> NewStoreAsync(string folder);
}
