using Npgsql;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Store.PostgreSql.Schema;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Store.PostgreSql.Tests.Engine;

[Collection(PostgreSqlCollection.Name)]
public sealed class SchemaMigratorTests(PostgreSqlCluster cluster)
{
    private static async Task<NpgsqlConnection> ConnectAsync(string uri)
    {
        var connection = new NpgsqlConnection(PostgreSqlLocation.Parse(uri).ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_fresh_database_is_brought_to_the_latest_schema_and_a_second_open_changes_nothing()
    {
        await using var connection = await ConnectAsync(await cluster.CreateDatabaseAsync());

        Assert.Equal(Migrations.Latest, await SchemaMigrator.MigrateAsync(connection, "db", "test", CancellationToken.None));
        Assert.Equal(Migrations.Latest, await SchemaMigrator.MigrateAsync(connection, "db", "test", CancellationToken.None));

        Assert.Equal(Migrations.Latest, await ScalarAsync(connection, "SELECT count(*) FROM strategylayer.schema_migrations"));
        Assert.Equal(1, await ScalarAsync(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'strategylayer' AND tablename = 'items'"));
        Assert.Equal(0, await ScalarAsync(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public async Task Processes_opening_one_fresh_database_at_once_migrate_it_once()
    {
        var uri = await cluster.CreateDatabaseAsync();
        var connections = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ConnectAsync(uri)));

        var versions = await Task.WhenAll(connections.Select(c => SchemaMigrator.MigrateAsync(c, "db", "test", CancellationToken.None)));

        Assert.All(versions, v => Assert.Equal(Migrations.Latest, v));
        Assert.Equal(Migrations.Latest, await ScalarAsync(connections[0], "SELECT count(*) FROM strategylayer.schema_migrations"));
        foreach (var c in connections)
        {
            await c.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_database_written_by_a_newer_version_is_refused_as_a_usage_error_before_anything_changes()
    {
        await using var connection = await ConnectAsync(await cluster.CreateDatabaseAsync());
        await SchemaMigrator.MigrateAsync(connection, "db", "test", CancellationToken.None);
        await using (var newer = new NpgsqlCommand($"INSERT INTO strategylayer.schema_migrations (version, name) VALUES ({Migrations.Latest + 1}, 'from the future')", connection))
        {
            await newer.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<StrategyLayerException>(() => SchemaMigrator.MigrateAsync(connection, "postgresql://u@h/db", "test", CancellationToken.None));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains($"newer version (schema {Migrations.Latest + 1})", error.Message, StringComparison.Ordinal);
        Assert.Contains("postgresql://u@h/db", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_written_at_schema_1_is_upgraded_on_open_and_its_quarantined_records_are_dated_by_their_last_quarantine()
    {
        var uri = await cluster.CreateDatabaseAsync();
        var at = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);
        await using (var connection = await ConnectAsync(uri))
        {
            // The database as the first release of the engine left it: schema 1 only, one quarantined record.
            var first = Migrations.All[0];
            await using var setup = new NpgsqlCommand(
                "CREATE SCHEMA strategylayer; CREATE TABLE strategylayer.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), applied_by text);"
                + first.Sql
                + $"; INSERT INTO strategylayer.schema_migrations (version, name) VALUES (1, '{first.Name}');"
                + "INSERT INTO strategylayer.quarantine (id, source, partition, key, source_id, reason, packed, at) VALUES ('jira||7', 'jira', '', 'PAY-7', '7', 'not a date', @packed, @at);",
                connection);
            setup.Parameters.AddWithValue("packed", RawCompression.Pack("{\"id\":\"7\"}"));
            setup.Parameters.AddWithValue("at", at);
            await setup.ExecuteNonQueryAsync();
        }

        await using var store = await PostgreSqlStore.OpenAsync(PostgreSqlLocation.Parse(uri), new PostgreSqlStoreOptions { TimeProvider = TimeProvider.System }, CancellationToken.None);

        var q = Assert.Single(await store.QuarantinedAsync("jira", CancellationToken.None));
        Assert.Equal(("PAY-7", "7", "{\"id\":\"7\"}", (int?)null, (DateTimeOffset?)at), (q.Key, q.SourceId, q.RawJson, q.Page, q.Since));
        Assert.Empty(await store.ReplacedTextAsync(null, CancellationToken.None));
        await using var check = await ConnectAsync(uri);
        Assert.Equal(Migrations.Latest, await ScalarAsync(check, "SELECT max(version) FROM strategylayer.schema_migrations"));
        Assert.True(Migrations.Latest >= 2);
    }
}
