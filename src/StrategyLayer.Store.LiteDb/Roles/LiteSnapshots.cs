using LiteDB;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Store.Documents;
using StrategyLayer.Store.LiteDb.Files;

namespace StrategyLayer.Store.LiteDb.Roles;

/// <summary><see cref="ISnapshotStore"/> on the file: a snapshot document and its item rows in chunks.</summary>
internal sealed class LiteSnapshots(LiteFile file) : ISnapshotStore
{
    /// <summary>Item rows are split into chunks: a LiteDB document is limited to 16 MB.</summary>
    private const int RowChunkBytes = 1 << 20;

    public Task SaveSnapshotAsync(Snapshot snapshot, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        file.Write(() =>
        {
            var chunks = (snapshot.ItemRows.Length + RowChunkBytes - 1) / RowChunkBytes;
            var previous = file.Snapshots.FindById(snapshot.Period);
            var previousChunks = previous is null ? 0 : previous["chunks"].AsInt32;
            for (var i = 0; i < chunks; i++)
            {
                var start = i * RowChunkBytes;
                var length = Math.Min(RowChunkBytes, snapshot.ItemRows.Length - start);
                file.SnapshotRows.Upsert(new BsonDocument
                {
                    [Names.Id] = RowChunkId(snapshot.Period, i),
                    ["b"] = snapshot.ItemRows.AsSpan(start, length).ToArray(),
                });
            }

            for (var i = chunks; i < previousChunks; i++)
            {
                file.SnapshotRows.Delete(RowChunkId(snapshot.Period, i));
            }

            file.Snapshots.Upsert(new BsonDocument
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
        return Task.CompletedTask;
    }

    public Task<Snapshot?> GetSnapshotAsync(string period, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        file.ThrowIfDisposed();
        // The document and its row chunks in one read: a snapshot being replaced is never seen half old.
        var (doc, rows) = file.Read<(BsonDocument?, byte[])>(() =>
        {
            var doc = file.Snapshots.FindById(period);
            if (doc is null)
            {
                return (null, []);
            }

            var rows = new byte[doc["length"].AsInt32];
            var offset = 0;
            for (var i = 0; i < doc["chunks"].AsInt32; i++)
            {
                var chunk = file.SnapshotRows.FindById(RowChunkId(period, i))["b"].AsBinary;
                chunk.CopyTo(rows, offset);
                offset += chunk.Length;
            }

            return (doc, rows);
        });
        if (doc is null)
        {
            return Task.FromResult<Snapshot?>(null);
        }

        return Task.FromResult<Snapshot?>(new Snapshot(
            period,
            Enum.Parse<SnapshotState>(doc[Names.State].AsString, ignoreCase: true),
            Instant(doc["built"], doc["builtOffset"]),
            Instant(doc["asOf"], doc["asOfOffset"]),
            doc["agg"].AsString,
            rows));
    }

    public Task<IReadOnlyList<string>> SnapshotPeriodsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        file.ThrowIfDisposed();
        return Task.FromResult<IReadOnlyList<string>>(file.Read(() => file.Snapshots.FindAll().ToList()).Select(d => d[Names.Id].AsString).Order(StringComparer.Ordinal).ToList());
    }

    private static string RowChunkId(string period, int index) => period + "#" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(BsonValue utcTicks, BsonValue offsetMinutes)
    {
        var offset = TimeSpan.FromMinutes(offsetMinutes.AsInt64);
        return new DateTimeOffset(utcTicks.AsInt64, TimeSpan.Zero).ToOffset(offset);
    }
}
