namespace StrategyLayer.Store;

/// <summary>
/// Records made ready for a commit by <see cref="ISourceSync.Prepare"/>. What it holds is the
/// engine's own (serialized documents, hashes, compressed raw records); callers only carry it to
/// <see cref="ISourceSync.CommitAsync"/> of the sync that made it.
/// </summary>
public abstract class PreparedBatch
{
    protected PreparedBatch(int records, int quarantined)
    {
        Records = records;
        Quarantined = quarantined;
    }

    /// <summary>Source records in the batch.</summary>
    public int Records { get; }

    /// <summary>Quarantined records in the batch.</summary>
    public int Quarantined { get; }
}
