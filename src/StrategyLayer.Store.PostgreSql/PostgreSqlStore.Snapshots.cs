using Npgsql;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Store.Documents;

namespace StrategyLayer.Store.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    public async Task SaveSnapshotAsync(Snapshot snapshot, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO strategylayer.snapshots (period, state, built_at, built_offset, as_of, as_of_offset, aggregates, item_rows)
            VALUES (@period, @state, @built, @builtOffset, @asOf, @asOfOffset, @aggregates, @rows)
            ON CONFLICT (period) DO UPDATE SET state = excluded.state, built_at = excluded.built_at, built_offset = excluded.built_offset,
                as_of = excluded.as_of, as_of_offset = excluded.as_of_offset, aggregates = excluded.aggregates, item_rows = excluded.item_rows
            """,
            connection);
        command.Parameters.AddWithValue("period", snapshot.Period);
        command.Parameters.AddWithValue("state", StoreJson.EnumName(snapshot.State));
        command.Parameters.AddWithValue("built", snapshot.BuiltAt.ToUniversalTime());
        command.Parameters.AddWithValue("builtOffset", (short)snapshot.BuiltAt.Offset.TotalMinutes);
        command.Parameters.AddWithValue("asOf", snapshot.AsOf.ToUniversalTime());
        command.Parameters.AddWithValue("asOfOffset", (short)snapshot.AsOf.Offset.TotalMinutes);
        command.Parameters.AddWithValue("aggregates", snapshot.AggregatesJson);
        command.Parameters.AddWithValue("rows", snapshot.ItemRows);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Snapshot?> GetSnapshotAsync(string period, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT state, built_at, built_offset, as_of, as_of_offset, aggregates, item_rows FROM strategylayer.snapshots WHERE period = @period",
            connection);
        command.Parameters.AddWithValue("period", period);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new Snapshot(
            period,
            Enum.Parse<SnapshotState>(reader.GetString(0), ignoreCase: true),
            reader.GetFieldValue<DateTimeOffset>(1).ToOffset(TimeSpan.FromMinutes(reader.GetInt16(2))),
            reader.GetFieldValue<DateTimeOffset>(3).ToOffset(TimeSpan.FromMinutes(reader.GetInt16(4))),
            reader.GetString(5),
            reader.GetFieldValue<byte[]>(6));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> SnapshotPeriodsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT period FROM strategylayer.snapshots ORDER BY period", connection);
        var periods = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            periods.Add(reader.GetString(0));
        }

        return periods;
    }
}
