using System.Runtime.CompilerServices;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Store;

namespace StrategyLayer.Reporting.Tests.Support;

/// <summary>
/// A hand-written store double holding what reporting reads and saves, in memory: every reading role
/// (items, mappings, snapshots, runs and outbox) and snapshot saving, whole.
/// </summary>
internal sealed class InMemoryStore : IStoreReader, ISnapshotStore
{
    private readonly SortedDictionary<string, WorkItem> items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemMapping> mappings = [];
    private readonly Dictionary<string, Snapshot> snapshots = [];
    private readonly Dictionary<(string Uid, string Key), DateTimeOffset> linkSeen = [];

    public string Description => "memory";

    public List<CursorRecord> CursorList { get; } = [];

    public List<RunRecord> Runs { get; } = [];

    public List<Delivery> Deliveries { get; } = [];

    public List<QuarantinedRecord> QuarantineList { get; } = [];

    public int SnapshotWrites { get; private set; }

    /// <summary>Stores the item as a sync's commit would: its dependencies keep their first sighting (here the item's update) and those it dropped are forgotten.</summary>
    public void Put(WorkItem item, ItemMapping? mapping)
    {
        items[item.Uid] = item;
        var current = (item.Links ?? []).Where(l => l.IsBlockedBy).Select(l => l.TargetKey).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var gone in linkSeen.Keys.Where(k => k.Uid == item.Uid && !current.Contains(k.Key)).ToList())
        {
            linkSeen.Remove(gone);
        }

        foreach (var key in current)
        {
            linkSeen.TryAdd((item.Uid, key), item.Updated);
        }

        if (mapping is not null)
        {
            mappings[item.Uid] = mapping with { Uid = item.Uid };
        }
    }

    /// <summary>Says a dependency was first seen at <paramref name="at"/> (an earlier sync saw it).</summary>
    public void SawLink(WorkItem item, string targetKey, DateTimeOffset at) => linkSeen[(item.Uid, targetKey)] = at;

    /// <summary>The items, as a test seeds another store with them.</summary>
    public IReadOnlyList<WorkItem> AllItems() => [.. items.Values];

    /// <summary>The mappings, as a test seeds another store with them.</summary>
    public IReadOnlyList<ItemMapping> AllMappings() => [.. mappings.Values];

    public async IAsyncEnumerable<WorkItem> ItemsAsync(ItemQuery? query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in items.Values.ToList())
        {
            if ((query?.Source is { } source && item.Source != source)
                || (query?.Team is { } team && !string.Equals(item.Team, team, StringComparison.OrdinalIgnoreCase))
                || (query is { IncludeRemoved: false } && item.Removed is not null))
            {
                continue;
            }

            yield return item;
        }

        await Task.CompletedTask;
    }

    public Task<WorkItem?> FindItemAsync(string idOrKey, CancellationToken cancellationToken)
    {
        var (source, key) = ItemId.Parse(idOrKey);
        return Task.FromResult(items.Values.FirstOrDefault(i =>
            (source is null || i.Source == source) && string.Equals(i.Key, key, StringComparison.OrdinalIgnoreCase)));
    }

    public Task<int> CountItemsAsync(string? source, bool includeRemoved, CancellationToken cancellationToken) =>
        Task.FromResult(items.Values.Count(i => (source is null || i.Source == source) && (includeRemoved || i.Removed is null)));

    public Task<string?> GetRawAsync(string uid, CancellationToken cancellationToken) => Task.FromResult(items.ContainsKey(uid) ? "{}" : null);

    public Task<IReadOnlyList<QuarantinedRecord>> QuarantinedAsync(string? source, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<QuarantinedRecord>>(QuarantineList.Where(q => source is null || q.Source == source).ToList());

    public Task<IReadOnlyList<ReplacedTextItem>> ReplacedTextAsync(string? source, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ReplacedTextItem>>([]);

    public async IAsyncEnumerable<LinkSighting> LinkHistoryAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var ((uid, key), at) in linkSeen.ToList())
        {
            yield return new LinkSighting(uid, key, at);
        }

        await Task.CompletedTask;
    }

    public Task<IReadOnlyList<CursorRecord>> CursorsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CursorRecord>>([.. CursorList]);

    public Task<IReadOnlyDictionary<string, ItemMapping>> LoadMappingsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, ItemMapping>>(new Dictionary<string, ItemMapping>(mappings));

    public async IAsyncEnumerable<MappedItem> MappedItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in ItemsAsync(null, cancellationToken))
        {
            yield return new MappedItem(item, mappings.GetValueOrDefault(item.Uid));
        }
    }

    public Task<IReadOnlyList<RunRecord>> RecentRunsAsync(int count, string? job, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RunRecord>>(Runs.Where(r => job is null || r.Job == job).OrderByDescending(r => r.Started).Take(count).ToList());

    public Task<Delivery?> GetDeliveryAsync(string id, CancellationToken cancellationToken) => Task.FromResult(Deliveries.FirstOrDefault(d => d.Id == id));

    public Task<IReadOnlyList<Delivery>> OutboxAsync(DeliveryState? state, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Delivery>>(Deliveries.Where(d => state is null || d.State == state).OrderBy(d => d.Created).ToList());

    public Task SaveSnapshotAsync(Snapshot snapshot, CancellationToken cancellationToken)
    {
        SnapshotWrites++;
        snapshots[snapshot.Period] = snapshot;
        return Task.CompletedTask;
    }

    public Task<Snapshot?> GetSnapshotAsync(string period, CancellationToken cancellationToken) => Task.FromResult(snapshots.GetValueOrDefault(period));

    public Task<IReadOnlyList<string>> SnapshotPeriodsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. snapshots.Keys.Order(StringComparer.Ordinal)]);
}
