using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Connectors.Contract;

/// <summary>
/// One source tool, read-only. A source has one or more partitions (ServiceNow tables; one
/// unnamed partition for Jira), each with its own cursor. Implementations never create, change or
/// delete anything upstream: only GETs and read POSTs (search, count, bulk fetch, OAuth token).
/// </summary>
public interface IWorkSource : IAsyncDisposable
{
    /// <summary>The source's name in config, the prefix of its item ids.</summary>
    string Name { get; }

    /// <summary>The partitions to sync, each with its own cursor (<c>""</c> when there is one).</summary>
    IReadOnlyList<string> Partitions { get; }

    /// <summary>
    /// Pages of items changed since <paramref name="cursor"/> (everything in scope when null), oldest
    /// change first. Each page carries the cursor to store once that page is committed.
    /// </summary>
    IAsyncEnumerable<SourcePage> ReadChangesAsync(string partition, SyncCursor? cursor, CancellationToken cancellationToken);

    /// <summary>Every item now in scope, as id and key only (for deletion and scope-change detection).</summary>
    IAsyncEnumerable<IReadOnlyList<ScopeEntry>> ListScopeAsync(string partition, CancellationToken cancellationToken);

    /// <summary>
    /// For stored items missing from <see cref="ListScopeAsync"/>: deleted (or no longer visible) versus
    /// still readable but out of scope. Ids not in the answer are treated as deleted.
    /// </summary>
    Task<IReadOnlyDictionary<string, RemovalReason>> ClassifyMissingAsync(string partition, IReadOnlyList<string> sourceIds, CancellationToken cancellationToken);

    /// <summary>
    /// Deletions the source records itself (ServiceNow's sys_audit_delete); empty where it has none.
    /// <paramref name="since"/> is in the source's own time (a <see cref="DeletionBatch.Mark"/> or
    /// <see cref="SourcePage.SourceTime"/> it gave before, never this machine's clock); the source reads
    /// from a little before it (its overlap window), so a deletion recorded late is not missed.
    /// </summary>
    IAsyncEnumerable<DeletionBatch> ReadDeletionsAsync(string partition, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// Reads records again by id (or key), whatever their updated time: the quarantined ones and those
    /// stored with replaced text are asked for on every sync until they read cleanly or are gone
    /// upstream. Ids the source does not return (deleted, or no longer visible) come back in
    /// <see cref="RereadBatch.Missing"/>.
    /// </summary>
    IAsyncEnumerable<RereadBatch> RereadAsync(string partition, IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>
    /// How many items <see cref="ReadChangesAsync"/> will bring for this cursor, when the source can
    /// tell with one cheap request (Jira Cloud's approximate count, Data Center's <c>total</c>,
    /// ServiceNow's <c>X-Total-Count</c>); null when it cannot. An estimate for a progress bar only:
    /// nothing may depend on it being exact.
    /// </summary>
    Task<long?> CountChangesAsync(string partition, SyncCursor? cursor, CancellationToken cancellationToken) => Task.FromResult<long?>(null);

    /// <summary>Asks the source whether the configured scope is valid (JQL, table columns); problems, not exceptions.</summary>
    Task<IReadOnlyList<Diagnostic>> ValidateOnlineAsync(CancellationToken cancellationToken);
}
