using LiteDB;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Store.Serialization;

namespace StrategyLayer.Store;

public sealed partial class LiteStrategyStore
{
    /// <summary>Item rows are split into chunks: a LiteDB document is limited to 16 MB.</summary>
    private const int RowChunkBytes = 1 << 20;

    /// <inheritdoc />
    public void SaveSnapshot(Snapshot snapshot) => InTransaction(() =>
    {
        var chunks = (snapshot.ItemRows.Length + RowChunkBytes - 1) / RowChunkBytes;
        var previous = _snapshots.FindById(snapshot.Period);
        var previousChunks = previous is null ? 0 : previous["chunks"].AsInt32;
        for (var i = 0; i < chunks; i++)
        {
            var start = i * RowChunkBytes;
            var length = Math.Min(RowChunkBytes, snapshot.ItemRows.Length - start);
            _snapshotRows.Upsert(new BsonDocument
            {
                [Names.Id] = RowChunkId(snapshot.Period, i),
                ["b"] = snapshot.ItemRows.AsSpan(start, length).ToArray(),
            });
        }

        for (var i = chunks; i < previousChunks; i++)
        {
            _snapshotRows.Delete(RowChunkId(snapshot.Period, i));
        }

        _snapshots.Upsert(new BsonDocument
        {
            [Names.Id] = snapshot.Period,
            [Names.State] = StoreJson.EnumName(snapshot.State),
            ["built"] = snapshot.BuiltAt.UtcTicks,
            ["builtOffset"] = (long)snapshot.BuiltAt.Offset.TotalMinutes,
            ["asOf"] = snapshot.AsOf.UtcTicks,
            ["asOfOffset"] = (long)snapshot.AsOf.Offset.TotalMinutes,
            ["agg"] = snapshot.AggregatesJson,
            ["chunks"] = chunks,
            ["length"] = snapshot.ItemRows.Length,
        });
        return true;
    });

    /// <inheritdoc />
    public Snapshot? GetSnapshot(string period)
    {
        ThrowIfDisposed();
        var doc = _snapshots.FindById(period);
        if (doc is null)
        {
            return null;
        }

        var rows = new byte[doc["length"].AsInt32];
        var offset = 0;
        for (var i = 0; i < doc["chunks"].AsInt32; i++)
        {
            var chunk = _snapshotRows.FindById(RowChunkId(period, i))["b"].AsBinary;
            chunk.CopyTo(rows, offset);
            offset += chunk.Length;
        }

        return new Snapshot(
            period,
            Enum.Parse<SnapshotState>(doc[Names.State].AsString, ignoreCase: true),
            Instant(doc["built"], doc["builtOffset"]),
            Instant(doc["asOf"], doc["asOfOffset"]),
            doc["agg"].AsString,
            rows);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> SnapshotPeriods()
    {
        ThrowIfDisposed();
        return _snapshots.FindAll().Select(d => d[Names.Id].AsString).Order(StringComparer.Ordinal).ToList();
    }

    private static string RowChunkId(string period, int index) => period + "#" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(BsonValue utcTicks, BsonValue offsetMinutes)
    {
        var offset = TimeSpan.FromMinutes(offsetMinutes.AsInt64);
        return new DateTimeOffset(utcTicks.AsInt64, TimeSpan.Zero).ToOffset(offset);
    }
}
