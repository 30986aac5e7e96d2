using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace StrategyLayer.Store.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    /// <remarks>
    /// The plainest write PostgreSQL has: a binary COPY of the very rows the store holds (items and
    /// raw records, read back by uid, not timed) into tables made like the store's (the same indexes
    /// and storage), one transaction per batch, in a scratch schema dropped afterwards. No staging,
    /// no merge, no comparison: what a sync adds to that is its own cost.
    /// </remarks>
    public async Task<StoreFloor> MeasureFloorAsync(IReadOnlyList<string> uidsInArrivalOrder, CancellationToken cancellationToken)
    {
        var scratch = "strategylayer_floor_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"""
            DROP SCHEMA IF EXISTS {scratch} CASCADE;
            CREATE SCHEMA {scratch};
            CREATE TABLE {scratch}.items (LIKE strategylayer.items INCLUDING ALL);
            CREATE TABLE {scratch}.raw (LIKE strategylayer.raw INCLUDING ALL);
            """, cancellationToken).ConfigureAwait(false);
        var elapsed = TimeSpan.Zero;
        long rows = 0;
        try
        {
            foreach (var batch in uidsInArrivalOrder.Distinct(StringComparer.Ordinal).Chunk(_options.BatchSize))
            {
                var items = await RowsAsync(connection, "SELECT uid, source, partition, key, team, updated, hash, previous_keys, removed_reason, removed_at, removed_offset, json FROM strategylayer.items WHERE uid = ANY (@uids)", batch, cancellationToken).ConfigureAwait(false);
                var raws = await RowsAsync(connection, "SELECT uid, packed FROM strategylayer.raw WHERE uid = ANY (@uids)", batch, cancellationToken).ConfigureAwait(false);
                var order = batch.Select((uid, i) => (uid, i)).ToDictionary(p => p.uid, p => p.i, StringComparer.Ordinal);
                items.Sort((a, b) => order[(string)a[0]!].CompareTo(order[(string)b[0]!]));
                raws.Sort((a, b) => order[(string)a[0]!].CompareTo(order[(string)b[0]!]));

                var started = Stopwatch.GetTimestamp();
                await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
                {
                    await CopyAsync(connection, $"COPY {scratch}.items (uid, source, partition, key, team, updated, hash, previous_keys, removed_reason, removed_at, removed_offset, json) FROM STDIN (FORMAT BINARY)", items, cancellationToken).ConfigureAwait(false);
                    await CopyAsync(connection, $"COPY {scratch}.raw (uid, packed) FROM STDIN (FORMAT BINARY)", raws, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }

                elapsed += Stopwatch.GetElapsedTime(started);
                rows += items.Count + raws.Count;
            }
        }
        finally
        {
            await ExecuteAsync(connection, $"DROP SCHEMA IF EXISTS {scratch} CASCADE", CancellationToken.None).ConfigureAwait(false);
        }

        return new StoreFloor(elapsed, rows, "PostgreSQL binary COPY");
    }

    /// <inheritdoc />
    public async Task<long?> SizeBytesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'strategylayer' AND c.relkind = 'r'
            """,
            connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task<List<object?[]>> RowsAsync(NpgsqlConnection connection, string sql, string[] uids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("uids", uids);
        var rows = new List<object?[]>(uids.Length);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string copy, List<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await importer.WriteRowAsync(cancellationToken, row).ConfigureAwait(false);
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
