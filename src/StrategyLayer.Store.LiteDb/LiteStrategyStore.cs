using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Store.LiteDb.Files;
using StrategyLayer.Store.LiteDb.Roles;
using StrategyLayer.Store.LiteDb.Sync;

namespace StrategyLayer.Store.LiteDb;

/// <summary>
/// The store on one LiteDB file, the embedded engine: zero infrastructure, one writer process (a lock
/// file beside the store). Each role is a small class over the file; this one hands them out.
/// LiteDB is synchronous: every method does its work on the caller's thread and returns a completed
/// task, and a write has reached the disk when it returns (<see cref="LiteStoreOptions.Durability"/>).
/// </summary>
public sealed class LiteStrategyStore : IStrategyStore, IStoreBench
{
    /// <summary>The schema this build writes and the newest it reads.</summary>
    private readonly LiteFile _file;
    private readonly LiteItems _items;
    private readonly LiteItemSync _sync;
    private readonly LiteMappings _mappings;
    private readonly LiteSnapshots _snapshots;
    private readonly LiteRuns _runs;
    private readonly LiteNamedValues _values;
    private readonly LiteSignInKeys _signInKeys;
    private readonly LiteFloor _floor;

    // One process holds the file (its lock file), so the store's locks are that process's own.
    private readonly ProcessLocks _locks = new();

    private LiteStrategyStore(LiteFile file, LiteStoreOptions options)
    {
        _file = file;
        _items = new LiteItems(file);
        _sync = new LiteItemSync(file);
        _mappings = new LiteMappings(file);
        _snapshots = new LiteSnapshots(file);
        _runs = new LiteRuns(file);
        _values = new LiteNamedValues(file);
        _signInKeys = new LiteSignInKeys(file);
        _floor = new LiteFloor(file, options.Durability);
    }

    /// <summary>The store file's full path.</summary>
    public string Path => _file.Path;

    public string Description => _file.Path;

    /// <summary>Who holds the store: this process.</summary>
    public LockHolder Holder => _file.Holder;

    /// <summary>
    /// Opens (creating folder and file when missing) and locks the store. Throws
    /// <see cref="StoreLockedException"/> when another process holds it, a
    /// <see cref="Domain.Errors.StrategyLayerException"/> of kind Usage when a newer version wrote it, and
    /// of kind Runtime when the file is not a readable store.
    /// </summary>
    public static LiteStrategyStore Open(string path, LiteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new LiteStrategyStore(LiteFile.Open(path, options), options);
    }

    /// <summary>Deletes a store's files (the data file, its log and its lock file), for a caller that owns the store (the demo).</summary>
    public static void Delete(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        foreach (var file in new[] { full, full + ".lock", LogFile(full) })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }

    public Task<IAsyncDisposable?> TryLockAsync(string name, CancellationToken cancellationToken) => _locks.TryLockAsync(name, cancellationToken);

    public Task<IAsyncDisposable> LockAsync(string name, CancellationToken cancellationToken) => _locks.LockAsync(name, cancellationToken);

    /// <summary>Item counts per source (removed ones left out).</summary>
    public Task<WorkItem?> FindItemAsync(string idOrKey, CancellationToken cancellationToken) => _items.FindItemAsync(idOrKey, cancellationToken);

    public IAsyncEnumerable<WorkItem> ItemsAsync(ItemQuery? query, CancellationToken cancellationToken) => _items.ItemsAsync(query, cancellationToken);

    public Task<int> CountItemsAsync(string? source, bool includeRemoved, CancellationToken cancellationToken) => _items.CountItemsAsync(source, includeRemoved, cancellationToken);

    public Task<string?> GetRawAsync(string uid, CancellationToken cancellationToken) => _items.GetRawAsync(uid, cancellationToken);

    public Task<IReadOnlyList<QuarantinedRecord>> QuarantinedAsync(string? source, CancellationToken cancellationToken) => _items.QuarantinedAsync(source, cancellationToken);

    public Task<IReadOnlyList<ReplacedTextItem>> ReplacedTextAsync(string? source, CancellationToken cancellationToken) => _items.ReplacedTextAsync(source, cancellationToken);

    public IAsyncEnumerable<LinkSighting> LinkHistoryAsync(CancellationToken cancellationToken) => _items.LinkHistoryAsync(cancellationToken);

    public Task<IReadOnlyList<CursorRecord>> CursorsAsync(CancellationToken cancellationToken) => _items.CursorsAsync(cancellationToken);

    public Task<ISourceSync> BeginSyncAsync(string source, CancellationToken cancellationToken) => _sync.BeginSyncAsync(source, cancellationToken);

    public Task<IReadOnlyDictionary<string, ItemMapping>> LoadMappingsAsync(CancellationToken cancellationToken) => _mappings.LoadMappingsAsync(cancellationToken);

    public IAsyncEnumerable<MappedItem> MappedItemsAsync(CancellationToken cancellationToken) => _mappings.MappedItemsAsync(cancellationToken);

    public Task<int> SaveMappingsAsync(IReadOnlyList<ItemMapping> changed, IReadOnlyList<string> dropped, CancellationToken cancellationToken) => _mappings.SaveMappingsAsync(changed, dropped, cancellationToken);

    public Task<Snapshot?> GetSnapshotAsync(string period, CancellationToken cancellationToken) => _snapshots.GetSnapshotAsync(period, cancellationToken);

    public Task<IReadOnlyList<string>> SnapshotPeriodsAsync(CancellationToken cancellationToken) => _snapshots.SnapshotPeriodsAsync(cancellationToken);

    public Task SaveSnapshotAsync(Snapshot snapshot, CancellationToken cancellationToken) => _snapshots.SaveSnapshotAsync(snapshot, cancellationToken);

    public Task<IReadOnlyList<RunRecord>> RecentRunsAsync(int count, string? job, CancellationToken cancellationToken) => _runs.RecentRunsAsync(count, job, cancellationToken);

    public Task<Delivery?> GetDeliveryAsync(string id, CancellationToken cancellationToken) => _runs.GetDeliveryAsync(id, cancellationToken);

    public Task<IReadOnlyList<Delivery>> OutboxAsync(DeliveryState? state, CancellationToken cancellationToken) => _runs.OutboxAsync(state, cancellationToken);

    public Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken) => _runs.SaveRunAsync(run, cancellationToken);

    public Task SaveDeliveryAsync(Delivery delivery, CancellationToken cancellationToken) => _runs.SaveDeliveryAsync(delivery, cancellationToken);

    public Task<string?> GetValueAsync(string name, CancellationToken cancellationToken) => _values.GetValueAsync(name, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> ValuesAsync(CancellationToken cancellationToken) => _values.ValuesAsync(cancellationToken);

    public Task SetValueAsync(string name, string value, CancellationToken cancellationToken) => _values.SetValueAsync(name, value, cancellationToken);

    public IReadOnlyList<string> SignInKeys() => _signInKeys.SignInKeys();

    public void AddSignInKey(string name, string xml) => _signInKeys.AddSignInKey(name, xml);

    public Task<StoreFloor> MeasureFloorAsync(IReadOnlyList<string> uidsInArrivalOrder, CancellationToken cancellationToken) =>
        Task.FromResult(_floor.Measure(uidsInArrivalOrder, cancellationToken));

    public Task<long?> SizeBytesAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var log = LogFile(_file.Path);
        long? bytes = new FileInfo(_file.Path).Length + (File.Exists(log) ? new FileInfo(log).Length : 0);
        return Task.FromResult(bytes);
    }

    public void Dispose() => _file.Dispose();

    /// <summary>LiteDB's log beside a data file: <c>store-log.db</c> for <c>store.db</c>.</summary>
    private static string LogFile(string path) => System.IO.Path.ChangeExtension(path, null) + "-log" + System.IO.Path.GetExtension(path);

    public ValueTask DisposeAsync()
    {
        _file.Dispose();
        return ValueTask.CompletedTask;
    }
}
