using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
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
        await foreach (var page in pages.ConfigureAwait(false))
        {
            var records = new List<SourceRecord>(page.Issues.Count);
            var quarantined = new List<QuarantinedRecord>();
            foreach (var issue in page.Issues)
            {
                var (read, bad) = reader.ReadLeniently(issue, Name, page.Number, page.Where);
                if (bad is not null)
                {
                    // Logged once, by the sync that receives the page.
                    quarantined.Add(bad with { Partition = partition });
                    continue;
                }

                var record = read!;
                if (record.Replaced.Count > 0)
                {
                    _log.LogWarning("Stored {Key} from {Where} with U+FFFD in {Fields}", record.Item.Key, page.Where, string.Join(", ", record.Replaced.Select(r => r.Field)));
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

            yield return new SourcePage(partition, page.Number, records, quarantined, new SyncCursor(mark ?? DateTimeOffset.UnixEpoch, lastId));
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
