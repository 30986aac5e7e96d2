using Npgsql;
using NpgsqlTypes;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Store.Documents;
using StrategyLayer.Store.PostgreSql.Reading;

namespace StrategyLayer.Store.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    public Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken) =>
        UpsertAsync("runs", run.Id, ("job", run.Job), ("started", run.Started.ToUniversalTime()), System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(run, StoreJson.Run), cancellationToken);

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
    public Task SaveDeliveryAsync(Delivery delivery, CancellationToken cancellationToken) =>
        UpsertAsync("outbox", delivery.Id, ("state", StoreJson.EnumName(delivery.State)), ("created", delivery.Created.ToUniversalTime()), System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(delivery, StoreJson.Delivery), cancellationToken);

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

    /// <summary>Adds or replaces row <paramref name="id"/> of a table of records kept as JSON with two columns to query by (the names are ours, never input).</summary>
    private async Task UpsertAsync(string table, string id, (string Name, object Value) first, (string Name, object Value) second, byte[] json, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO strategylayer.{table} (id, {first.Name}, {second.Name}, json) VALUES (@id, @first, @second, @json)
            ON CONFLICT (id) DO UPDATE SET {first.Name} = excluded.{first.Name}, {second.Name} = excluded.{second.Name}, json = excluded.json
            """,
            connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("first", first.Value);
        command.Parameters.AddWithValue("second", second.Value);
        command.Parameters.AddWithValue("json", json);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
