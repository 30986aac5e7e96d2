using Npgsql;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Store.PostgreSql.Schema;

/// <summary>
/// Brings a database's <c>strategylayer</c> schema up to <see cref="Migrations.Latest"/> when the
/// store opens, each step in the transaction that records it. Two processes opening one database
/// at once take turns (a transaction-scoped advisory lock); a store already current costs one
/// query and needs no right to create anything, so a reader with SELECT rights opens it too. A
/// database a newer build has written is refused before anything is changed.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>The advisory lock the migration holds: "SLSCHEMA" in ASCII.</summary>
    private const long MigrationLockKey = 0x534C_5343_4845_4D41;

    public static async Task<int> MigrateAsync(NpgsqlConnection connection, string display, string appliedBy, CancellationToken cancellationToken)
    {
        var found = await VersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        CheckNotNewer(found, display);
        if (found == Migrations.Latest)
        {
            return found;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, """
            CREATE SCHEMA IF NOT EXISTS strategylayer;
            CREATE TABLE IF NOT EXISTS strategylayer.schema_migrations (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now(),
                applied_by text
            );
            """, cancellationToken).ConfigureAwait(false);

        // Another process may have migrated while this one waited for the lock.
        found = await VersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        CheckNotNewer(found, display);
        foreach (var step in Migrations.All.Where(m => m.Version > found))
        {
            await ExecuteAsync(connection, transaction, step.Sql, cancellationToken).ConfigureAwait(false);
            await using var record = new NpgsqlCommand("INSERT INTO strategylayer.schema_migrations (version, name, applied_by) VALUES (@v, @n, @b)", connection, transaction);
            record.Parameters.AddWithValue("v", step.Version);
            record.Parameters.AddWithValue("n", step.Name);
            record.Parameters.AddWithValue("b", appliedBy);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Migrations.Latest;
    }

    /// <summary>The schema version the database holds: 0 when it has no StrategyLayer schema yet.</summary>
    public static async Task<int> VersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT CASE WHEN to_regclass('strategylayer.schema_migrations') IS NULL THEN NULL ELSE 1 END",
            connection,
            transaction);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null or DBNull)
        {
            return 0;
        }

        await using var max = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM strategylayer.schema_migrations", connection, transaction);
        return Convert.ToInt32(await max.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void CheckNotNewer(int found, string display)
    {
        if (found > Migrations.Latest)
        {
            throw new StrategyLayerException(
                $"store {display} was written by a newer version (schema {found}); this build reads up to {Migrations.Latest}",
                ErrorKind.Usage,
                display);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
