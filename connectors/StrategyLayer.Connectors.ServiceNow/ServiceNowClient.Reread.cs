using Microsoft.Extensions.Logging;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Connectors.ServiceNow;

internal sealed partial class ServiceNowClient
{
    /// <summary>
    /// Reads rows again by sys_id (or, for a row quarantined without one, by number), without the
    /// scope and whatever their sys_updated_on: <c>sys_idIN&lt;id&gt;,&lt;id&gt;</c>, no spaces
    /// (ServiceNow silently drops a condition it cannot read, and would answer with the whole table).
    /// </summary>
    public async IAsyncEnumerable<RereadBatch> RereadAsync(
        string partition,
        IReadOnlyList<string> ids,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = RequireTable(partition);
        var wanted = ids.Select(id => id.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var unaskable = wanted.Where(id => !Listable(id)).ToList();
        if (unaskable.Count > 0)
        {
            // A value that would break the IN list is never sent: it stays quarantined, and listed.
            _log.LogWarning("Not read again (not usable in a query): {Ids}", unaskable);
        }

        var batch = 0;
        foreach (var (field, group) in new[] { ("sys_id", wanted.Where(IsSysId)), ("number", wanted.Where(id => !IsSysId(id) && Listable(id))) })
        {
            foreach (var chunk in group.Chunk(ClassifyBatch))
            {
                var where = $"table {table}, reread {++batch}";
                using var page = await GetRowsAsync(table, field + "IN" + string.Join(",", chunk), _normalizer.SysparmFields, display: true, ClassifyBatch, where, cancellationToken).ConfigureAwait(false);
                var records = new List<SourceRecord>();
                var quarantined = new List<QuarantinedRecord>();
                var found = new HashSet<string>(StringComparer.Ordinal);
                foreach (var row in page.Rows.EnumerateArray())
                {
                    var r = new TableRecord(row);
                    foreach (var value in new[] { r.Value("sys_id"), r.Value("number") })
                    {
                        if (value is not null)
                        {
                            found.Add(value);
                        }
                    }

                    var (record, bad) = _normalizer.Normalize(table, row, null, where);
                    if (record is not null)
                    {
                        records.Add(record);
                    }
                    else if (bad is not null)
                    {
                        _log.LogWarning("Still unreadable: {Table} record {Key} ({SysId}) at {Where}: {Reason}", table, bad.Key, bad.SourceId, where, bad.Reason);
                        quarantined.Add(bad);
                    }
                }

                yield return new RereadBatch(records, quarantined, [.. chunk.Where(id => !found.Contains(id))]);
            }
        }
    }

    /// <summary>A sys_id: 32 hexadecimal characters.</summary>
    private static bool IsSysId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigit);

    /// <summary>Safe inside an IN list: no comma, caret, space or control character that would change the query.</summary>
    private static bool Listable(string id) => id.Length is > 0 and <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
}
