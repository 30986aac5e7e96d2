using StrategyLayer.Connectors.Contract;

namespace StrategyLayer.Connectors.ServiceNow;

internal sealed partial class ServiceNowClient
{
    private const string AuditTable = "sys_audit_delete";

    /// <summary>
    /// The sys_ids (documentkey) that sys_audit_delete records for the table since a mark in the
    /// instance's own time, less the overlap window: an audit row is stamped by the instance's clock
    /// (which is not ours) and may become visible after a later one. Each batch carries the newest
    /// sys_created_on read, the next mark. Tables marked no_audit_delete and Table Cleaner purges
    /// leave no row: a full sync's scope listing catches those.
    /// </summary>
    public async IAsyncEnumerable<DeletionBatch> ReadDeletionsAsync(
        string partition,
        DateTimeOffset since,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = RequireTable(partition);
        if (!_options.AuditDeletes)
        {
            yield break;
        }

        var from = since - DateTimeOffset.MinValue > _settings.Overlap ? since - _settings.Overlap : DateTimeOffset.MinValue;
        var scope = $"tablename={table}^sys_created_on>={EncodedQuery.FormatDate(from)}";
        string? condition = null;
        for (var number = 1; ; number++)
        {
            var where = $"{AuditTable} for {table}, page {number}";
            var query = EncodedQuery.Combine(scope, condition, "sys_created_on", "sys_id");
            using var page = await GetRowsAsync(AuditTable, query, "sys_id,documentkey,sys_created_on", display: false, _options.PageSize, where, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                yield break;
            }

            var keys = new List<string>(page.Count);
            DateTimeOffset? mark = null;
            string? lastCreated = null;
            string? lastId = null;
            foreach (var row in page.Rows.EnumerateArray())
            {
                var r = new TableRecord(row);
                if (r.Value("documentkey") is { } key)
                {
                    keys.Add(key);
                }

                if (r.Value("sys_created_on") is { } created && r.Value("sys_id") is { } id)
                {
                    lastCreated = created;
                    lastId = id;
                    if (TryDate(r, "sys_created_on") is { } at && (mark is null || at > mark))
                    {
                        mark = at;
                    }
                }
            }

            if (lastCreated is null || lastId is null)
            {
                yield return new DeletionBatch(keys, mark);
                yield break;
            }

            condition = EncodedQuery.After("sys_created_on", lastCreated, "sys_id", lastId);
            yield return new DeletionBatch(keys, mark);
        }
    }
}
