namespace StrategyLayer.Store.LiteDb;

/// <summary>What a write has reached when the store's method returns.</summary>
public enum LiteDurability
{
    /// <summary>
    /// Every write waits for a LiteDB checkpoint: its pages are in the data file and flushed to the disk
    /// (fsync) before the method returns, so it survives the process being killed and a power loss.
    /// </summary>
    Checkpointed,

    /// <summary>
    /// LiteDB's own behaviour: <c>Commit()</c> returns once the pages are queued for its log writer
    /// thread, before they are written. A write is atomic (all of it or none after a crash), but a
    /// process killed right after a write returned may lose it, and the ones after it.
    /// </summary>
    Queued,
}
