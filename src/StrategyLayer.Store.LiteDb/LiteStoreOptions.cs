namespace StrategyLayer.Store.LiteDb;

/// <summary>How a LiteDB store is opened. There is no read-only mode: the file has one writer at a time.</summary>
public sealed record LiteStoreOptions
{
    /// <summary>
    /// How long to wait for another process to release the store. Zero (the default) fails at once
    /// with <see cref="StoreLockedException"/>, which is what every CLI verb wants.
    /// </summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.Zero;

    /// <summary>Clock for cursor commit times and the lock's "since": the host's one clock (a test's fake one).</summary>
    public required TimeProvider TimeProvider { get; init; }

    /// <summary>LiteDB log size, in 8 KB pages, at which LiteDB checkpoints the log into the data file by itself.</summary>
    public int CheckpointPages { get; init; } = 1000;

    /// <summary>What a completed write has reached when it returns (see <see cref="LiteDurability"/>).</summary>
    public LiteDurability Durability { get; init; } = LiteDurability.Checkpointed;

    /// <summary>Told once, before the work, when opening upgrades the file's schema: on a large store that takes a while (about 25 s at 300k items).</summary>
    public Action<string>? Upgrading { get; init; }
}
