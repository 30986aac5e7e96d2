using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store;

/// <summary>Shorthands over <see cref="ISourceSync"/>.</summary>
public static class SourceSyncExtensions
{
    /// <summary>Prepares and commits one batch on the calling thread, writing the cursor (when given) whatever the batch changed.</summary>
    public static Task<PageCommit> CommitAsync(this ISourceSync sync, string partition, IReadOnlyList<SourceRecord> records, IReadOnlyList<QuarantinedRecord> quarantined, string? cursor, CancellationToken cancellationToken) =>
        sync.CommitAsync(partition, sync.Prepare(records, quarantined), cursor, CursorWrite.Always, cancellationToken);
}
