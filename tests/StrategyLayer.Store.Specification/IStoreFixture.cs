namespace StrategyLayer.Store.Specification;

/// <summary>What an engine's test project gives the specification: fresh stores of that engine.</summary>
public interface IStoreFixture
{
    /// <summary>
    /// A new, empty store at a place of its own (a temporary file, a fresh database), whose own times
    /// (a cursor's last commit, since when a record is quarantined, when a link was first seen) come
    /// from <paramref name="time"/>.
    /// </summary>
    Task<IStrategyStore> CreateAsync(TimeProvider time, CancellationToken cancellationToken);

    /// <summary>Closes <paramref name="store"/> and opens the same store again, with the same clock: what the next process sees.</summary>
    Task<IStrategyStore> ReopenAsync(IStrategyStore store, CancellationToken cancellationToken);
}
