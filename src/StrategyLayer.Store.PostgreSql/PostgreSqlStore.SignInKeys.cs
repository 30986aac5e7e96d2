using Npgsql;

namespace StrategyLayer.Store.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> SignInKeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT xml FROM strategylayer.signin_keys ORDER BY id", connection);
        var elements = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            elements.Add(reader.GetString(0));
        }

        return elements;
    }

    /// <inheritdoc />
    public async Task AddSignInKeyAsync(string name, string xml, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(xml);
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("INSERT INTO strategylayer.signin_keys (name, xml) VALUES (@name, @xml)", connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("xml", xml);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
