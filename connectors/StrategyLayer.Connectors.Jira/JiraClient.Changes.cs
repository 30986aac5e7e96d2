using System.Runtime.CompilerServices;
using System.Text.Json;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Connectors.Jira;

internal sealed partial class JiraClient
{
    public async IAsyncEnumerable<SourcePage> ReadChangesAsync(
        string partition,
        SyncCursor? cursor,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (zone, reader) = await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var since = Since(cursor);
        var fields = reader.RequestedFields();
        var pages = _flavor == JiraFlavor.Cloud
            ? CloudSearchAsync(
                Jql.Build(_settings.Scope, Jql.ChangeOrder, since is { } s ? Jql.UpdatedSince(s, zone) : null),
                fields,
                _settings.PageSize,
                cancellationToken)
            : DataCenterSearchAsync(_settings.Scope, since, zone, fields, _settings.PageSize, cancellationToken);

        // An issue edited while we page comes again later: keep the newer copy, drop the repeat.
        var seen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var mark = cursor?.Mark.ToUniversalTime();
        var lastId = cursor?.LastId;
        var number = 0;
        await foreach (var page in pages.ConfigureAwait(false))
        {
            var records = new List<SourceRecord>(page.Issues.Count);
            var quarantined = new List<QuarantinedRecord>();
            foreach (var issue in page.Issues)
            {
                SourceRecord record;
                try
                {
                    record = reader.Read(issue);
                }
                catch (MalformedIssueException e)
                {
                    _log.Warning("Quarantined {Key} from {Where}: {Reason}", e.Key ?? e.IssueId ?? "?", page.Where, e.Message);
                    quarantined.Add(new QuarantinedRecord(Name, partition, e.Key, e.IssueId, $"{page.Where}: {e.Message}", JsonSerializer.Serialize(issue)));
                    continue;
                }

                var item = record.Item;
                if (seen.TryGetValue(item.SourceId, out var before) && item.Updated <= before)
                {
                    continue;
                }

                seen[item.SourceId] = item.Updated;
                records.Add(record);
                var updated = item.Updated.ToUniversalTime();
                if (mark is null || updated > mark)
                {
                    mark = updated;
                }

                lastId = item.SourceId;
            }

            if (records.Count == 0 && quarantined.Count == 0)
            {
                continue;
            }

            yield return new SourcePage(partition, ++number, records, quarantined, new SyncCursor(mark ?? DateTimeOffset.UnixEpoch, lastId));
        }
    }

    /// <summary>The instant the incremental search starts from: the cursor minus the overlap; null for everything.</summary>
    private DateTimeOffset? Since(SyncCursor? cursor)
    {
        if (cursor is null || cursor.Mark <= DateTimeOffset.UnixEpoch + _settings.Overlap)
        {
            return null;
        }

        // A cursor from a clock ahead of ours would skip changes: never start later than now.
        var mark = cursor.Mark < _time.GetUtcNow() ? cursor.Mark : _time.GetUtcNow();
        return mark - _settings.Overlap;
    }
}
