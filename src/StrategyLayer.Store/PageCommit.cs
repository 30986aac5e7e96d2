namespace StrategyLayer.Store;

/// <summary>
/// What a commit did: items written (new or changed), left alone (same content as stored), refused as
/// stale (older than the stored copy), and records quarantined.
/// </summary>
public sealed record PageCommit(int Upserted, int Unchanged, int Stale, int Quarantined)
{
    /// <summary>False when the batch changed nothing and <see cref="CursorWrite.WhenChanged"/> left the cursor for a later commit.</summary>
    public bool CursorWritten { get; init; } = true;
}
