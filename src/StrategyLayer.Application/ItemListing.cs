using System.Runtime.CompilerServices;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Mapping;
using StrategyLayer.Store;

namespace StrategyLayer.Application;

/// <summary>
/// The one item listing: stored items with their mapping, filtered by an <see cref="ItemFilter"/>,
/// either streamed in store order (<c>items</c>) or paged server-side, untracked first, in one
/// streamed pass whose memory grows with <c>offset + limit</c>, not with the store (the web view).
/// The query is compiled once per listing, before any item is read.
/// </summary>
public static class ItemListing
{
    /// <summary>Every matching item, streamed; <paramref name="query"/> is the filter's compiled query (null: none).</summary>
    public static async IAsyncEnumerable<ItemView> ListAsync<TStore>(TStore store, ItemFilter filter, Func<WorkItem, bool>? query, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TStore : IItemReader, IMappingReader
    {
        var mappings = await store.LoadMappingsAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var item in store.ItemsAsync(new ItemQuery { Team = filter.Team, IncludeRemoved = filter.IncludeRemoved }, cancellationToken).ConfigureAwait(false))
        {
            mappings.TryGetValue(item.Uid, out var mapping);
            if ((!filter.IncludeRemoved && item.Removed is not null) || !Matches(item, mapping, filter) || (query is not null && !query(item)))
            {
                continue;
            }

            yield return ItemView.From(item, mapping);
        }
    }

    public static async Task<ItemPage> PageAsync(
        IAsyncEnumerable<WorkItem> items,
        IReadOnlyDictionary<string, ItemMapping> mappings,
        StrategyTree tree,
        ItemFilter filter,
        Func<WorkItem, bool>? query,
        int offset,
        int limit,
        CancellationToken cancellationToken)
    {
        var untracked = new List<(WorkItem, ItemMapping?)>();
        var tracked = new List<(WorkItem, ItemMapping?)>();
        var untrackedCount = 0;
        var trackedCount = 0;
        var end = offset + limit;
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            mappings.TryGetValue(item.Uid, out var mapping);
            if (!Matches(item, mapping, filter) || (query is not null && !query(item)))
            {
                continue;
            }

            if (mapping?.Untracked == true)
            {
                // Untracked rows come first, so their position is known as they stream past.
                if (untrackedCount >= offset && untrackedCount < end)
                {
                    untracked.Add((item, mapping));
                }

                untrackedCount++;
            }
            else
            {
                // A tracked row's position is untrackedCount + its index, known only at the end: keep the first `end`.
                if (trackedCount < end)
                {
                    tracked.Add((item, mapping));
                }

                trackedCount++;
            }
        }

        var rows = new List<ItemRow>(Math.Min(limit, untracked.Count + tracked.Count));
        rows.AddRange(untracked.Select(p => Row(p.Item1, p.Item2, tree)));
        var trackedFrom = Math.Max(0, offset - untrackedCount);
        var trackedTake = Math.Max(0, limit - rows.Count);
        rows.AddRange(tracked.Skip(trackedFrom).Take(trackedTake).Select(p => Row(p.Item1, p.Item2, tree)));
        return new ItemPage(rows, untrackedCount + trackedCount, offset, limit);
    }

    /// <summary>
    /// The same page from the store index, for lists without a query: team and mapping decide which
    /// uids match, and only the page's items are read. The index may be up to its cache lifetime old.
    /// </summary>
    internal static async Task<ItemPage> PageAsync(
        IReadOnlyList<IndexEntry> entries,
        Func<ItemQuery, CancellationToken, IAsyncEnumerable<WorkItem>> read,
        IReadOnlyDictionary<string, ItemMapping> mappings,
        StrategyTree tree,
        ItemFilter filter,
        int offset,
        int limit,
        CancellationToken cancellationToken)
    {
        var untracked = new List<string>();
        var tracked = new List<string>();
        foreach (var entry in entries)
        {
            if (!string.IsNullOrEmpty(filter.Team) && !string.Equals(entry.Team, filter.Team, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            mappings.TryGetValue(entry.Uid, out var mapping);
            if (!Matches(mapping, filter))
            {
                continue;
            }

            (mapping?.Untracked == true ? untracked : tracked).Add(entry.Uid);
        }

        // The page's items in one read (not a round trip per row: beside a sync writing, each round
        // trip waits its turn for the CPU), then put back in the page's order.
        var page = untracked.Concat(tracked).Skip(offset).Take(limit).ToList();
        var found = new Dictionary<string, WorkItem>(page.Count, StringComparer.Ordinal);
        await foreach (var item in read(new ItemQuery { Uids = page }, cancellationToken).ConfigureAwait(false))
        {
            found[item.Uid] = item;
        }

        var rows = new List<ItemRow>(page.Count);
        foreach (var uid in page)
        {
            if (found.TryGetValue(uid, out var item))
            {
                rows.Add(Row(item, mappings.TryGetValue(uid, out var m) ? m : null, tree));
            }
        }

        return new ItemPage(rows, untracked.Count + tracked.Count, offset, limit);
    }

    public static ItemRow Row(WorkItem item, ItemMapping? mapping, StrategyTree tree)
    {
        var view = ItemView.From(item, mapping);
        var measureName = view.Measure is null ? null : tree.FindMeasure(view.Measure)?.Name;
        return new ItemRow(view, SafeUrl(item.BrowseUrl), measureName, ItemHref(item.Id));
    }

    public static string ItemHref(string id) => "/items/" + Uri.EscapeDataString(id);

    /// <summary>Only http(s) links are ever emitted: a hostile browse URL (<c>javascript:</c>) from a source never becomes a link.</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    private static bool Matches(WorkItem item, ItemMapping? mapping, ItemFilter filter) =>
        (string.IsNullOrEmpty(filter.Team) || string.Equals(item.Team, filter.Team, StringComparison.OrdinalIgnoreCase))
        && Matches(mapping, filter);

    private static bool Matches(ItemMapping? mapping, ItemFilter filter)
    {
        if (!string.IsNullOrEmpty(filter.Measure) && !string.Equals(mapping?.MeasureId, filter.Measure, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return filter.Untracked is not { } wanted || (mapping?.Untracked ?? false) == wanted;
    }
}
