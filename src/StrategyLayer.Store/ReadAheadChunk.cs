namespace StrategyLayer.Store;

/// <summary>One chunk of a <see cref="ReadAhead"/> stream; <see cref="Last"/> is where the next chunk starts, null after the last chunk.</summary>
public sealed record ReadAheadChunk<T, TKey>(IReadOnlyList<T> Items, TKey? Last)
    where TKey : class;
