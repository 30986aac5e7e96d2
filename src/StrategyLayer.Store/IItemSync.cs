namespace StrategyLayer.Store;

/// <summary>Role: writing what sources bring (items, raw records, quarantine, cursors), one source at a time.</summary>
public interface IItemSync
{
    /// <summary>
    /// Begins syncing <paramref name="source"/>: the engine reads what it needs to compare incoming
    /// records with what is stored, and holds it until the sync is disposed. Syncs of different sources
    /// may run side by side; an engine makes a second sync of the same source wait for the first (or
    /// refuses it), so that one source has one writer.
    /// </summary>
    Task<ISourceSync> BeginSyncAsync(string source, CancellationToken cancellationToken);
}
