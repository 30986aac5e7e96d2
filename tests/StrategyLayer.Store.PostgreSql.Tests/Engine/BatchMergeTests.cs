using Npgsql;
using StrategyLayer.Store.PostgreSql.Schema;
using StrategyLayer.Store.PostgreSql.Writing;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Store.PostgreSql.Tests.Engine;

[Collection(PostgreSqlCollection.Name)]
public sealed class BatchMergeTests(PostgreSqlCluster cluster) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private NpgsqlConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _connection = new NpgsqlConnection(PostgreSqlLocation.Parse(await cluster.CreateDatabaseAsync()).ConnectionString);
        await _connection.OpenAsync();
        await SchemaMigrator.MigrateAsync(_connection, "db", "test", CancellationToken.None);
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    private static StagedItem Row(string id, string key, DateTimeOffset updated, long hash = 1) =>
        new("jira/" + id, null, key, "Pay", updated, hash, "{\"k\":1}"u8.ToArray(), RawCompression.Pack("{\"id\":\"" + id + "\"}"));

    private Task<int> CommitAsync(IReadOnlyCollection<StagedItem> rows, string? cursor) =>
        BatchMerge.CommitAsync(_connection, "jira", "main", rows, [], [], [], StagedLinks.None, cursor, T0, CancellationToken.None);

    private async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var command = new NpgsqlCommand(sql, _connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? default : (T?)value;
    }

    [Fact]
    public async Task A_batch_stores_its_items_their_raw_records_and_the_cursor_together()
    {
        var written = await CommitAsync([Row("1", "PAY-1", T0), Row("2", "PAY-2", T0)], "c1");

        Assert.Equal(2, written);
        Assert.Equal(2L, await ScalarAsync<long>("SELECT count(*) FROM strategylayer.items WHERE source = 'jira'"));
        Assert.Equal("{\"id\":\"2\"}", RawCompression.Unpack((await ScalarAsync<byte[]>("SELECT packed FROM strategylayer.raw WHERE uid = 'jira/2'"))!));
        Assert.Equal("c1", await ScalarAsync<string>("SELECT value FROM strategylayer.cursors WHERE source = 'jira' AND partition = 'main'"));
    }

    [Fact]
    public async Task An_item_that_moved_keeps_its_old_key_as_an_alias_and_a_previous_key()
    {
        await CommitAsync([Row("1", "PAY-1", T0)], "c1");

        await CommitAsync([Row("1", "WEB-7", T0.AddMinutes(5), hash: 2)], "c2");

        Assert.Equal("WEB-7", await ScalarAsync<string>("SELECT key FROM strategylayer.items WHERE uid = 'jira/1'"));
        Assert.Equal(["PAY-1"], (await ScalarAsync<string[]>("SELECT previous_keys FROM strategylayer.items WHERE uid = 'jira/1'"))!);
        Assert.Equal("jira/1", await ScalarAsync<string>("SELECT uid FROM strategylayer.key_aliases WHERE alias = 'jira:pay-1' AND bare_key = 'pay-1'"));

        // Moving back makes the key current again, not previous.
        await CommitAsync([Row("1", "PAY-1", T0.AddMinutes(9), hash: 3)], "c3");
        Assert.Equal(["WEB-7"], (await ScalarAsync<string[]>("SELECT previous_keys FROM strategylayer.items WHERE uid = 'jira/1'"))!);
    }

    [Fact]
    public async Task A_copy_older_than_the_stored_one_is_not_written()
    {
        await CommitAsync([Row("1", "PAY-1", T0, hash: 5)], "c1");

        var written = await CommitAsync([Row("1", "PAY-1", T0.AddMinutes(-1), hash: 6)], "c2");

        Assert.Equal(0, written);
        Assert.Equal(5L, await ScalarAsync<long>("SELECT hash FROM strategylayer.items WHERE uid = 'jira/1'"));
        Assert.Equal("c2", await ScalarAsync<string>("SELECT value FROM strategylayer.cursors WHERE source = 'jira'"));
    }

    [Fact]
    public async Task A_batch_that_fails_leaves_neither_its_items_nor_its_cursor()
    {
        await CommitAsync([Row("1", "PAY-1", T0)], "c1");

        // The same uid twice in one batch: the merge refuses it, after the COPY has staged both rows.
        await Assert.ThrowsAsync<PostgresException>(() => CommitAsync([Row("2", "PAY-2", T0), Row("2", "PAY-2", T0)], "c2"));

        Assert.Equal("c1", await ScalarAsync<string>("SELECT value FROM strategylayer.cursors WHERE source = 'jira'"));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM strategylayer.items"));

        // The connection is usable for the next batch: the failed transaction was rolled back.
        Assert.Equal(1, await CommitAsync([Row("3", "PAY-3", T0)], "c3"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM sl_stage"));
    }
}
