using Npgsql;
using NpgsqlTypes;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Store.Documents;
using StrategyLayer.Store.PostgreSql.Reading;

namespace StrategyLayer.Store.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    public async Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO strategylayer.runs (id, job, started, json) VALUES (@id, @job, @started, @json)
            ON CONFLICT (id) DO UPDATE SET job = excluded.job, started = excluded.started, json = excluded.json
            """,
            connection);
        command.Parameters.AddWithValue("id", run.Id);
        command.Parameters.AddWithValue("job", run.Job);
        command.Parameters.AddWithValue("started", run.Started.ToUniversalTime());
        command.Parameters.AddWithValue("json", System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(run, StoreJson.Run));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RunRecord>> RecentRunsAsync(int count, string? job, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT json FROM strategylayer.runs" + (job is null ? "" : " WHERE job = @job") + " ORDER BY started DESC, id DESC LIMIT @count",
            connection);
        command.Parameters.AddWithValue("count", Math.Max(count, 0));
        if (job is not null)
        {
            command.Parameters.AddWithValue("job", job);
        }

        return await JsonColumn.ReadAllAsync(command, StoreJson.Run, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SaveDeliveryAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO strategylayer.outbox (id, state, created, json) VALUES (@id, @state, @created, @json)
            ON CONFLICT (id) DO UPDATE SET state = excluded.state, created = excluded.created, json = excluded.json
            """,
            connection);
        command.Parameters.AddWithValue("id", delivery.Id);
        command.Parameters.AddWithValue("state", StoreJson.EnumName(delivery.State));
        command.Parameters.AddWithValue("created", delivery.Created.ToUniversalTime());
        command.Parameters.AddWithValue("json", System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(delivery, StoreJson.Delivery));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Delivery?> GetDeliveryAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT json FROM strategylayer.outbox WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] json
            ? System.Text.Json.JsonSerializer.Deserialize(json, StoreJson.Delivery)
            : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Delivery>> OutboxAsync(DeliveryState? state, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT json FROM strategylayer.outbox" + (state is null ? "" : " WHERE state = @state") + " ORDER BY created, id",
            connection);
        if (state is { } s)
        {
            command.Parameters.AddWithValue("state", NpgsqlDbType.Text, StoreJson.EnumName(s));
        }

        return await JsonColumn.ReadAllAsync(command, StoreJson.Delivery, cancellationToken).ConfigureAwait(false);
    }
}
