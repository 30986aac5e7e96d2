using StrategyLayer.Domain.Reporting;

namespace StrategyLayer.Store;

/// <summary>Role: reading reporting-period snapshots.</summary>
public interface ISnapshotReader
{
    /// <summary>The period's snapshot, byte for byte as saved, or null.</summary>
    Task<Snapshot?> GetSnapshotAsync(string period, CancellationToken cancellationToken);

    /// <summary>Every period with a snapshot, ordered by name (ordinal).</summary>
    Task<IReadOnlyList<string>> SnapshotPeriodsAsync(CancellationToken cancellationToken);
}
