namespace StrategyLayer.Connectors.ServiceNow;

internal sealed partial class ServiceNowClient
{
    private const string AuditTable = "sys_audit_delete";

    /// <summary>
    /// The sys_ids (documentkey) that sys_audit_delete records for the table since a mark. Tables
    /// marked no_audit_delete and Table Cleaner purges leave no row: a full sync's scope listing
    /// catches those.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<string>> ReadDeletionsAsync(
        string partition,
        DateTimeOffset since,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = RequireTable(partition);
        if (!_options.AuditDeletes)
        {
            yield break;
        }

        var scope = $"tablename={table}^sys_created_on>={EncodedQuery.FormatDate(since)}";
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
                }
            }

            if (lastCreated is null || lastId is null)
            {
                yield return keys;
                yield break;
            }

            condition = EncodedQuery.After("sys_created_on", lastCreated, "sys_id", lastId);
            yield return keys;
        }
    }
}
