using Microsoft.Extensions.Logging;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Connectors.ServiceNow;

internal sealed partial class ServiceNowClient
{
    /// <summary>
    /// Keyset paging on (sys_updated_on, sys_id): the first request starts at the cursor's mark less
    /// the overlap; each next one asks for rows strictly after the last row seen. Rows edited while
    /// we page move to the end (their sys_updated_on grows), so none is skipped, and none is read
    /// twice in the same version, as offsets would do. Only an empty answer ends the reading.
    /// </summary>
    public async IAsyncEnumerable<SourcePage> ReadChangesAsync(
        string partition,
        SyncCursor? cursor,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = RequireTable(partition);
        string? condition = cursor is null
            ? null
            : "sys_updated_on>=" + EncodedQuery.FormatDate(cursor.Mark - DateTimeOffset.MinValue > _settings.Overlap ? cursor.Mark - _settings.Overlap : DateTimeOffset.MinValue);
        SyncCursor? last = cursor;
        var fields = _normalizer.SysparmFields;
        Task<TablePage> Fetch(int number) =>
            GetRowsAsync(table, EncodedQuery.Combine(_settings.Scope, condition, "sys_updated_on", "sys_id"), fields, display: true, _options.PageSize, $"table {table}, page {number}", cancellationToken);

        // The next page is asked for as soon as this one's last row is known, so the server works on
        // it while this one is normalized and stored.
        Task<TablePage>? pending = Fetch(1);
        try
        {
            for (var number = 1; ; number++)
            {
                var where = $"table {table}, page {number}";
                var answer = pending;
                pending = null;
                using var page = await answer.ConfigureAwait(false);
                if (page.Count == 0)
                {
                    yield break;
                }

                // The keyset uses the server's own text for the last row, so that the next
                // comparison is exactly the one the server sorted by.
                string? lastUpdated = null;
                string? lastId = null;
                foreach (var row in page.Rows.EnumerateArray())
                {
                    var r = new TableRecord(row);
                    if (r.Value("sys_updated_on") is { } u && r.Value("sys_id") is { } id && TryDate(r) is { } at)
                    {
                        lastUpdated = u;
                        lastId = id;
                        last = new SyncCursor(at, id);
                    }
                }

                if (lastUpdated is null || lastId is null)
                {
                    throw new SourceException(Name, "no row of the page has a readable sys_updated_on and sys_id, so paging cannot go on", where);
                }

                var next = EncodedQuery.After("sys_updated_on", lastUpdated, "sys_id", lastId);
                if (next == condition)
                {
                    throw new SourceException(Name, "the server returned the same rows again; paging stopped", where);
                }

                condition = next;
                pending = Fetch(number + 1);

                var records = new List<SourceRecord>(page.Count);
                var quarantined = new List<QuarantinedRecord>();
                foreach (var row in page.Rows.EnumerateArray())
                {
                    var (record, bad) = _normalizer.Normalize(table, row, number, where);
                    if (record is not null)
                    {
                        records.Add(record);
                        if (record.Replaced.Count > 0)
                        {
                            _log.LogWarning("Stored {Table} record {Key} at {Where} with U+FFFD in {Fields}", table, record.Item.Key, where, string.Join(", ", record.Replaced.Select(r => r.Field)));
                        }
                    }
                    else if (bad is not null)
                    {
                        // Logged once, by the sync that receives the page.
                        quarantined.Add(bad);
                    }
                }

                _log.LogDebug("Read {Table} page {Page}: {Count} records, {Quarantined} quarantined", table, number, records.Count, quarantined.Count);
                yield return new SourcePage(table, number, records, quarantined, last!) { SourceTime = page.ServerTime };
            }
        }
        finally
        {
            // A reader that stops early leaves one request in flight: its answer is dropped unread.
            pending?.ContinueWith(
                static t =>
                {
                    if (t.IsCompletedSuccessfully)
                    {
                        t.Result.Dispose();
                    }
                    else
                    {
                        _ = t.Exception;
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private static DateTimeOffset? TryDate(TableRecord r, string field = "sys_updated_on")
    {
        try
        {
            return r.Date(field);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string RequireTable(string partition)
    {
        if (!_options.Tables.Contains(partition, StringComparer.Ordinal))
        {
            throw new SourceException(Name, $"'{partition}' is not one of the configured tables ({string.Join(", ", _options.Tables)})", partition);
        }

        return partition;
    }
}
