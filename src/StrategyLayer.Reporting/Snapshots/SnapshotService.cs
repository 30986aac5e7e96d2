using System.IO.Compression;
using System.Text;
using System.Text.Json;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Reporting.Model;
using StrategyLayer.Store;

namespace StrategyLayer.Reporting.Snapshots;

/// <summary>
/// Keeps one snapshot per period: provisional while the period runs (each build replaces it),
/// frozen once the as-of time reaches the period's end in the configured time zone (never
/// replaced again). Item rows are JSON lines compressed with Brotli; aggregates are JSON beside them.
/// </summary>
/// <param name="store">Where snapshots are read.</param>
/// <param name="saveTo">Where they are saved; null for a live view that computes figures and keeps none (the web view).</param>
public sealed class SnapshotService(ISnapshotReader store, ISnapshotStore? saveTo, TimeZoneInfo timeZone)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public SnapshotState StateFor(ReportingPeriod period, DateTimeOffset asOf) =>
        asOf >= period.EndInstant(timeZone) ? SnapshotState.Frozen : SnapshotState.Provisional;

    /// <summary>The period's frozen snapshot, if one was taken.</summary>
    public async Task<Snapshot?> FrozenAsync(ReportingPeriod period, CancellationToken cancellationToken) =>
        await store.GetSnapshotAsync(period.Name, cancellationToken).ConfigureAwait(false) is { State: SnapshotState.Frozen } s ? s : null;

    public Task<Snapshot?> FindAsync(string period, CancellationToken cancellationToken) => store.GetSnapshotAsync(period, cancellationToken);

    /// <summary>
    /// Saves the period's snapshot unless a frozen one already exists (a frozen period never changes);
    /// without a store to save to, returns the snapshot unsaved.
    /// </summary>
    public async Task<Snapshot> SaveAsync(PeriodData data, DateTimeOffset builtAt, CancellationToken cancellationToken)
    {
        if (await FrozenAsync(data.Period, cancellationToken).ConfigureAwait(false) is { } frozen)
        {
            return frozen;
        }

        var snapshot = new Snapshot(
            data.Period.Name,
            data.State,
            builtAt,
            data.AsOf,
            JsonSerializer.Serialize(data.Aggregates, Json),
            data.ItemRows);
        if (saveTo is not null)
        {
            await saveTo.SaveSnapshotAsync(snapshot, cancellationToken).ConfigureAwait(false);
        }

        return snapshot;
    }

    public static PeriodData ToPeriodData(Snapshot snapshot, ReportingPeriod period) =>
        new(period, snapshot.State, snapshot.AsOf, ReadAggregates(snapshot), snapshot.ItemRows, snapshot.State == SnapshotState.Frozen);

    public static PeriodAggregates ReadAggregates(Snapshot snapshot)
    {
        try
        {
            return JsonSerializer.Deserialize<PeriodAggregates>(snapshot.AggregatesJson, Json)
                ?? throw new JsonException("empty aggregates");
        }
        catch (JsonException e)
        {
            throw new StrategyLayerException(
                $"The snapshot of period {snapshot.Period} cannot be read: {e.Message}",
                ErrorKind.Runtime,
                $"snapshot {snapshot.Period} {e.Path}");
        }
    }

    /// <summary>Streams rows back out of their compressed form.</summary>
    public static IEnumerable<PeriodItem> ReadRows(byte[] compressed)
    {
        using var input = new MemoryStream(compressed, writable: false);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            yield return JsonSerializer.Deserialize<PeriodItem>(text, Json)
                ?? throw new StrategyLayerException("Empty snapshot row.", ErrorKind.Runtime, $"snapshot row {line}");
        }
    }
}
