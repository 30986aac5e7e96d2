using StrategyLayer.Connectors.Contract;
using StrategyLayer.Store;
using StrategyLayer.Sync;

namespace StrategyLayer.Application;

/// <summary>
/// A source's rows on the board, one per partition (a ServiceNow table). Once a partition's first
/// batch is in (so the source answers), its total is asked for, when the source can tell it cheaply
/// (Jira's approximate count, ServiceNow's X-Total-Count), and its row becomes a bar.
/// </summary>
internal sealed class SourceRows : IProgress<SyncProgress>
{
    private readonly IRunContext _context;
    private readonly IWorkSource _source;
    private readonly CancellationToken _ct;
    private readonly Dictionary<string, (IStageRow Row, SyncCursor? Cursor)> _rows = new(StringComparer.Ordinal);
    private readonly HashSet<string> _counting = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private SourceRows(IRunContext context, IWorkSource source, IStageProgress board, IReadOnlyList<CursorRecord> cursors, CancellationToken ct)
    {
        _context = context;
        _source = source;
        _ct = ct;
        foreach (var partition in source.Partitions)
        {
            // The cursors as they were before this sync: the count asks for what this sync will read.
            var stored = cursors.FirstOrDefault(c => c.Source == source.Name && c.Partition == partition)?.Cursor;
            _rows[partition] = (board.Add("Syncing " + Title(partition)), SyncCursor.Parse(stored));
        }
    }

    public static async Task<SourceRows> CreateAsync(IRunContext context, IWorkSource source, IStageProgress board, IItemReader store, CancellationToken ct) =>
        new(context, source, board, await store.CursorsAsync(ct).ConfigureAwait(false), ct);

    public void Report(SyncProgress value)
    {
        var partition = value.Table ?? "";
        if (!_rows.TryGetValue(partition, out var entry))
        {
            return;
        }

        entry.Row.Report(value.Fetched);
        bool first;
        lock (_gate)
        {
            first = _counting.Add(partition);
        }

        if (first && _context.Progress.Shown)
        {
            _ = CountAsync(entry.Row, partition, entry.Cursor);
        }
    }

    /// <summary>Each partition's row finished with its figures, or with its error.</summary>
    public void Finish(IReadOnlyList<SyncReport> reports)
    {
        foreach (var (partition, entry) in _rows)
        {
            var report = reports.FirstOrDefault(r => (r.Table ?? "") == partition);
            if (report is null)
            {
                entry.Row.Finish("not synced");
                continue;
            }

            entry.Row.Report(report.Fetched);
            entry.Row.Finish(report.Failed ? "failed (see below)" : null);
        }
    }

    private async Task CountAsync(IStageRow row, string partition, SyncCursor? cursor)
    {
        try
        {
            row.SetTotal(await _source.CountChangesAsync(partition, cursor, _ct).ConfigureAwait(false));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only a bar is lost: the sync itself reports its own failures.
            _context.Log.Debug("No count for {Source} {Partition}: {Message}", _source.Name, partition, e.Message);
        }
    }

    private string Title(string partition) => partition.Length == 0 ? _source.Name : _source.Name + "/" + partition;
}
