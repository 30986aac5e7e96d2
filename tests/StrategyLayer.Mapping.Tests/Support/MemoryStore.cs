using System.Runtime.CompilerServices;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Store;

namespace StrategyLayer.Mapping.Tests.Support;

/// <summary>
/// A collecting fake of the roles mapping uses, whole: items (read), mappings and named values in
/// memory, counting mapping writes and items read.
/// </summary>
internal sealed class MemoryStore(Func<IEnumerable<WorkItem>>? generated = null) : IItemReader, IMappingStore, INamedValues
{
    private readonly SortedDictionary<string, WorkItem> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemMapping> _mappings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public int MappingWrites { get; private set; }

    public int ItemsRead { get; private set; }

    public IReadOnlyDictionary<string, ItemMapping> Mappings => _mappings;

    public void Put(params WorkItem[] items)
    {
        foreach (var item in items)
        {
            _items[item.Uid] = item;
        }
    }

    public async IAsyncEnumerable<WorkItem> ItemsAsync(ItemQuery? query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in generated?.Invoke() ?? _items.Values.ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((query?.Source is { } source && item.Source != source)
                || (query?.Team is { } team && !string.Equals(item.Team, team, StringComparison.OrdinalIgnoreCase))
                || (query is { IncludeRemoved: false } && item.Removed is not null))
            {
                continue;
            }

            ItemsRead++;
            yield return item;
        }

        await Task.CompletedTask;
    }

    public Task<WorkItem?> FindItemAsync(string idOrKey, CancellationToken cancellationToken) =>
        Task.FromResult(_items.Values.FirstOrDefault(i => string.Equals(i.Id, idOrKey, StringComparison.OrdinalIgnoreCase) || string.Equals(i.Key, idOrKey, StringComparison.OrdinalIgnoreCase) || i.Uid == idOrKey));

    public Task<int> CountItemsAsync(string? source, bool includeRemoved, CancellationToken cancellationToken) =>
        Task.FromResult(_items.Values.Count(i => (source is null || i.Source == source) && (includeRemoved || i.Removed is null)));

    public Task<string?> GetRawAsync(string uid, CancellationToken cancellationToken) => Task.FromResult(_items.ContainsKey(uid) ? "{}" : null);

    public Task<IReadOnlyList<QuarantinedRecord>> QuarantinedAsync(string? source, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<QuarantinedRecord>>([]);

    public Task<IReadOnlyList<ReplacedTextItem>> ReplacedTextAsync(string? source, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ReplacedTextItem>>([]);

    public IAsyncEnumerable<LinkSighting> LinkHistoryAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<LinkSighting>();

    public Task<IReadOnlyList<CursorRecord>> CursorsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CursorRecord>>([]);

    public Task<IReadOnlyDictionary<string, ItemMapping>> LoadMappingsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, ItemMapping>>(new Dictionary<string, ItemMapping>(_mappings));

    public async IAsyncEnumerable<MappedItem> MappedItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in ItemsAsync(null, cancellationToken))
        {
            yield return new MappedItem(item, _mappings.GetValueOrDefault(item.Uid));
        }
    }

    public Task<int> SaveMappingsAsync(IReadOnlyList<ItemMapping> changed, IReadOnlyList<string> dropped, CancellationToken cancellationToken)
    {
        foreach (var m in changed)
        {
            _mappings[m.Uid] = m;
        }

        var writes = changed.Count + dropped.Count(_mappings.Remove);
        MappingWrites += writes;
        return Task.FromResult(writes);
    }

    public Task<string?> GetValueAsync(string name, CancellationToken cancellationToken) => Task.FromResult(_values.GetValueOrDefault(name));

    public Task<IReadOnlyDictionary<string, string>> ValuesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(_values));

    public Task SetValueAsync(string name, string value, CancellationToken cancellationToken)
    {
        _values[name] = value;
        return Task.CompletedTask;
    }
}
