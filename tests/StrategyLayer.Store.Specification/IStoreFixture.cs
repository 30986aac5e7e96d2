namespace StrategyLayer.Store.Specification;

/// <summary>What an engine's test project gives the specification: fresh stores of that engine.</summary>
public interface IStoreFixture
{
    /// <summary>A new, empty store at a place of its own (a temporary file, a fresh database).</summary>
    Task<IStrategyStore> CreateAsync(CancellationToken cancellationToken);

    /// <summary>Closes <paramref name="store"/> and opens the same store again: what the next process sees.</summary>
    Task<IStrategyStore> ReopenAsync(IStrategyStore store, CancellationToken cancellationToken);
}
