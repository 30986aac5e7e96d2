using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Store;

namespace StrategyLayer.Tests.Support;

/// <summary>
/// A hand-written fake of the store: only runs, the outbox and meta are kept (what distribution
/// and scheduling use). Thread-safe, since Quartz runs jobs on pool threads.
/// </summary>
public sealed class InMemoryStore : IStrategyStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Delivery> _deliveries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RunRecord> _runs = new(StringComparer.Ordinal);
    private readonly List<string> _runOrder = [];
    private readonly Dictionary<string, string> _meta = new(StringComparer.Ordinal);

    public string Path => ":memory:";

    /// <summary>Every SaveDelivery call, in order, for asserting write-before-send.</summary>
    public List<Delivery> DeliveryWrites { get; } = [];

    public void SaveDelivery(Delivery delivery)
    {
        lock (_lock)
        {
            _deliveries[delivery.Id] = delivery;
            DeliveryWrites.Add(delivery);
        }
    }

    public Delivery? GetDelivery(string id)
    {
        lock (_lock)
        {
            return _deliveries.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<Delivery> Outbox(DeliveryState? state = null)
    {
        lock (_lock)
        {
            return _deliveries.Values.Where(d => state is null || d.State == state).OrderBy(d => d.Created).ToList();
        }
    }

    public void SaveRun(RunRecord run)
    {
        lock (_lock)
        {
            if (!_runs.ContainsKey(run.Id))
            {
                _runOrder.Add(run.Id);
            }

            _runs[run.Id] = run;
        }
    }

    public IReadOnlyList<RunRecord> RecentRuns(int count, string? job = null)
    {
        lock (_lock)
        {
            return _runOrder.Select(id => _runs[id])
                .Where(r => job is null || string.Equals(r.Job, job, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(r => r.Started)
                .Take(count)
                .ToList();
        }
    }

    public string? GetMeta(string key)
    {
        lock (_lock)
        {
            return _meta.GetValueOrDefault(key);
        }
    }

    public void SetMeta(string key, string value)
    {
        lock (_lock)
        {
            _meta[key] = value;
        }
    }

    public void Dispose()
    {
    }

    // ---- not used by distribution or scheduling ----
    public IReadOnlyDictionary<string, ItemState> LoadItemStates(string source) => throw new NotSupportedException();

    public PageCommit CommitPage(string source, string partition, IReadOnlyList<SourceRecord> records, IReadOnlyList<QuarantinedRecord> quarantined, string? cursor, IDictionary<string, ItemState>? states = null) => throw new NotSupportedException();

    public WorkItem? FindItem(string idOrKey) => throw new NotSupportedException();

    public IEnumerable<WorkItem> Items(ItemQuery? query = null) => throw new NotSupportedException();

    public int CountItems(string? source = null, bool includeRemoved = false) => throw new NotSupportedException();

    public string? GetRaw(string uid) => throw new NotSupportedException();

    public IReadOnlyList<ScopeKey> ItemKeys(string source, string? partition = null) => throw new NotSupportedException();

    public int MarkRemoved(IReadOnlyList<(string Uid, Removal Removal)> removals) => throw new NotSupportedException();

    public IReadOnlyList<QuarantinedRecord> Quarantined(string? source = null) => throw new NotSupportedException();

    public string? GetCursor(string source, string partition) => throw new NotSupportedException();

    public IReadOnlyList<CursorRecord> Cursors() => throw new NotSupportedException();

    public IReadOnlyDictionary<string, ItemMapping> LoadMappings() => throw new NotSupportedException();

    public int SaveMappings(IReadOnlyList<ItemMapping> changed, IReadOnlyList<string> dropped) => throw new NotSupportedException();

    public void SaveSnapshot(Snapshot snapshot) => throw new NotSupportedException();

    public Snapshot? GetSnapshot(string period) => throw new NotSupportedException();

    public IReadOnlyList<string> SnapshotPeriods() => throw new NotSupportedException();
}
