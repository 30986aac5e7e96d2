using System.Globalization;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store.LiteDb.Tests.Support;

/// <summary>
/// The deterministic sequence of pages the crash child writes: each page brings new items and newer
/// versions of earlier ones (some with moved keys), every fifth page a quarantined record; the cursor
/// after page p is "p".
/// </summary>
public static class CrashScript
{
    public const string Source = "crash";
    public const string Partition = "";

    public static (IReadOnlyList<SourceRecord> Records, IReadOnlyList<QuarantinedRecord> Quarantined) Page(int page, int pageSize)
    {
        var records = new List<SourceRecord>(pageSize);
        var fresh = pageSize * 2 / 3;
        for (var j = 0; j < fresh; j++)
        {
            records.Add(SyntheticItems.Record(Source, (page * fresh) + j, 0));
        }

        for (var j = fresh; j < pageSize && page > 0; j++)
        {
            // An update of an earlier item; the version is the page number, so updates only move forward.
            var earlier = ((page * 31) + (j * 17)) % (page * fresh);
            records.Add(SyntheticItems.Record(Source, earlier, page));
        }

        IReadOnlyList<QuarantinedRecord> quarantined = page % 5 == 0
            ? [new QuarantinedRecord(Source, Partition, "BAD-" + page.ToString(CultureInfo.InvariantCulture), null, "fields.updated is not a date", "{\"key\":\"BAD\"}")]
            : [];
        return (records, quarantined);
    }

    /// <summary>How many distinct items pages 0 to <paramref name="lastPage"/> hold.</summary>
    public static int ItemsThrough(int lastPage, int pageSize) => lastPage < 0 ? 0 : (lastPage + 1) * (pageSize * 2 / 3);

    /// <summary>Writes pages after the stored cursor up to <paramref name="pages"/>; calls <paramref name="committed"/> after each commit returns.</summary>
    public static async Task RunAsync(IItemSync store, int pages, int pageSize, Action<int>? committed = null)
    {
        await using var sync = await store.BeginSyncAsync(Source, CancellationToken.None);
        var cursor = await sync.GetCursorAsync(Partition, CancellationToken.None);
        var next = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture) + 1;
        for (var page = next; page < pages; page++)
        {
            var (records, quarantined) = Page(page, pageSize);
            await sync.CommitAsync(Partition, records, quarantined, page.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
            committed?.Invoke(page);
        }
    }
}
