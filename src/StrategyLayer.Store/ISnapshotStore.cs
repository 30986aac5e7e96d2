using StrategyLayer.Domain.Reporting;

namespace StrategyLayer.Store;

/// <summary>Role: reading and saving snapshots (a report run).</summary>
public interface ISnapshotStore : ISnapshotReader
{
    /// <summary>Saves (or replaces) the period's snapshot, whole or not at all; its item rows may be any size.</summary>
    Task SaveSnapshotAsync(Snapshot snapshot, CancellationToken cancellationToken);
}
