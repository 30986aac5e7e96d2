namespace StrategyLayer.Store;

/// <summary>How a store is opened. There is no read-only mode: the store has one writer at a time.</summary>
public sealed record StoreOpenOptions
{
    public static readonly StoreOpenOptions Default = new();

    /// <summary>
    /// How long to wait for another process to release the store. Zero (the default) fails at once
    /// with <see cref="StoreLockedException"/>, which is what every CLI verb wants.
    /// </summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.Zero;

    /// <summary>Clock for cursor commit times and the lock's "since".</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>LiteDB log size, in 8 KB pages, at which the log is checkpointed into the data file.</summary>
    public int CheckpointPages { get; init; } = 1000;
}
