namespace StrategyLayer.Store;

/// <summary>Role: small named values the stages keep between runs (the rules' fingerprint, watermarks, the last full sync).</summary>
public interface INamedValues
{
    /// <summary>The value, or null when none was set.</summary>
    Task<string?> GetValueAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every value the stages set, by name (the engine's own, such as its schema version, left out): what a copy to another engine carries.</summary>
    Task<IReadOnlyDictionary<string, string>> ValuesAsync(CancellationToken cancellationToken);

    /// <summary>Sets (or replaces) a value.</summary>
    /// <exception cref="ArgumentException">The name is one the engine keeps for itself (its schema version).</exception>
    Task SetValueAsync(string name, string value, CancellationToken cancellationToken);
}
