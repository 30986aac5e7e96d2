using Npgsql;

namespace StrategyLayer.Store.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <summary>The name the LiteDB engine keeps its schema version under: refused here too, so that a value set works on every engine.</summary>
    private const string ReservedName = "schemaVersion";

    /// <inheritdoc />
    public async Task<string?> GetValueAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT value FROM strategylayer.named_values WHERE name = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> ValuesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT name, value FROM strategylayer.named_values", connection);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            values[reader.GetString(0)] = reader.GetString(1);
        }

        return values;
    }

    /// <inheritdoc />
    public async Task SetValueAsync(string name, string value, CancellationToken cancellationToken)
    {
        if (string.Equals(name, ReservedName, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{ReservedName}' belongs to the store itself", nameof(name));
        }

        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "INSERT INTO strategylayer.named_values (name, value) VALUES (@name, @value) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("value", value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
