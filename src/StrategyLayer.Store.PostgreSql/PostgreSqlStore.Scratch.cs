using System.Globalization;
using Npgsql;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Store.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <summary>The named value that marks a store written by <c>demo</c> or <c>bench</c>, which may reset it.</summary>
    public const string ScratchMark = "scratch";

    /// <summary>
    /// Empties the database for <c>demo</c> or <c>bench</c> (<paramref name="purpose"/>), which start
    /// from an empty store, and marks it as theirs. Refuses, changing nothing, a database that holds
    /// other data: a table outside the <c>strategylayer</c> schema (another application's, or
    /// Quartz's), or a StrategyLayer store that neither of them wrote.
    /// </summary>
    public static async Task ResetScratchAsync(PostgreSqlLocation location, string purpose, PostgreSqlStoreOptions options, CancellationToken cancellationToken)
    {
        await using (var data = NpgsqlDataSource.Create(location.ConnectionString))
        await using (var connection = await OpenConnectionAsync(data, location, cancellationToken).ConfigureAwait(false))
        {
            var others = await TextsAsync(
                connection,
                """
                SELECT n.nspname || '.' || c.relname
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'strategylayer')
                  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
                  AND n.nspname NOT LIKE 'strategylayer\_floor\_%'
                ORDER BY 1
                LIMIT 5
                """,
                cancellationToken).ConfigureAwait(false);
            if (others.Count > 0)
            {
                throw new StrategyLayerException(
                    $"{purpose} needs an empty database and {location.Display} holds other data ({string.Join(", ", others)}{(others.Count == 5 ? ", …" : "")}): name a database of its own",
                    ErrorKind.Usage,
                    location.Display);
            }

            var ours = await TextsAsync(connection, "SELECT to_regclass('strategylayer.named_values')::text", cancellationToken).ConfigureAwait(false);
            if (ours.Count > 0 && ours[0] is not null)
            {
                var mark = await TextsAsync(connection, $"SELECT value FROM strategylayer.named_values WHERE name = '{ScratchMark}'", cancellationToken).ConfigureAwait(false);
                var items = await TextsAsync(connection, "SELECT coalesce(sum(items), 0)::text FROM strategylayer.source_counts", cancellationToken).ConfigureAwait(false);
                if (mark.Count == 0 && items.Count > 0 && items[0] != "0")
                {
                    throw new StrategyLayerException(
                        $"{purpose} needs an empty database and {location.Display} holds a StrategyLayer store with {long.Parse(items[0]!, CultureInfo.InvariantCulture):N0} items that neither demo nor bench wrote: name a database of its own",
                        ErrorKind.Usage,
                        location.Display);
                }
            }

            await using var drop = new NpgsqlCommand("DROP SCHEMA IF EXISTS strategylayer CASCADE", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var store = await OpenAsync(location, options, cancellationToken).ConfigureAwait(false);
        await store.SetValueAsync(ScratchMark, purpose, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<string?>> TextsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var texts = new List<string?>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            texts.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        }

        return texts;
    }
}
