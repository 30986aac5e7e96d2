using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Connectors.ServiceNow;

internal sealed partial class ServiceNowClient
{
    /// <summary>How many sys_ids one <c>sys_idIN…</c> request names (keeps the URL short).</summary>
    private const int ClassifyBatch = 100;

    /// <summary>Every row in scope as (sys_id, number), keyset-paged on sys_id alone.</summary>
    public async IAsyncEnumerable<IReadOnlyList<ScopeEntry>> ListScopeAsync(
        string partition,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = RequireTable(partition);
        string? condition = null;
        for (var number = 1; ; number++)
        {
            var where = $"table {table}, scope listing page {number}";
            var query = EncodedQuery.Combine(_settings.Scope, condition, "sys_id");
            using var page = await GetRowsAsync(table, query, "sys_id,number", display: false, _options.PageSize, where, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                yield break;
            }

            var entries = new List<ScopeEntry>(page.Count);
            string? lastId = null;
            foreach (var row in page.Rows.EnumerateArray())
            {
                var r = new TableRecord(row);
                if (r.Value("sys_id") is not { } id)
                {
                    continue;
                }

                lastId = id;
                entries.Add(new ScopeEntry(id, r.Value("number") ?? id));
            }

            if (lastId is null)
            {
                yield break;
            }

            condition = "sys_id>" + lastId;
            yield return entries;
        }
    }

    /// <summary>Reads the missing ids without the scope: still readable means out of scope; gone means deleted.</summary>
    public async Task<IReadOnlyDictionary<string, RemovalReason>> ClassifyMissingAsync(string partition, IReadOnlyList<string> sourceIds, CancellationToken cancellationToken)
    {
        var table = RequireTable(partition);
        var result = new Dictionary<string, RemovalReason>(StringComparer.Ordinal);
        foreach (var id in sourceIds)
        {
            result[id] = RemovalReason.Deleted;
        }

        var batch = 0;
        foreach (var chunk in sourceIds.Distinct(StringComparer.Ordinal).Chunk(ClassifyBatch))
        {
            batch++;
            var query = "sys_idIN" + string.Join(",", chunk);
            using var page = await GetRowsAsync(table, query, "sys_id", display: false, ClassifyBatch, $"table {table}, missing-item check {batch}", cancellationToken).ConfigureAwait(false);
            foreach (var row in page.Rows.EnumerateArray())
            {
                if (new TableRecord(row).Value("sys_id") is { } id && result.ContainsKey(id))
                {
                    result[id] = RemovalReason.OutOfScope;
                }
            }
        }

        return result;
    }
}
