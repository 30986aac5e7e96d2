using Npgsql;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Store.Specification.Support;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Store.PostgreSql.Tests.Engine;

/// <summary><c>demo</c> and <c>bench</c> start from an empty store, and refuse a database that holds other data.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class ScratchResetTests(PostgreSqlCluster cluster)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task ExecuteAsync(PostgreSqlLocation location, string sql)
    {
        await using var connection = new NpgsqlConnection(location.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task SyncOneItemAsync(PostgreSqlLocation location)
    {
        await using var store = await PostgreSqlStore.OpenAsync(location, new PostgreSqlStoreOptions { TimeProvider = TimeProvider.System }, None);
        await using var sync = await store.BeginSyncAsync("jira", None);
        await sync.CommitAsync("", [SpecItems.Record(SpecItems.Jira("1", "PAY-1"))], [], "c", None);
    }

    [Fact]
    public async Task A_store_the_demo_wrote_is_emptied_for_the_next_run()
    {
        var location = PostgreSqlLocation.Parse(await cluster.CreateDatabaseAsync("scratch"));
        await PostgreSqlStore.ResetScratchAsync(location, "demo", new PostgreSqlStoreOptions { TimeProvider = TimeProvider.System }, None);
        await SyncOneItemAsync(location);

        await PostgreSqlStore.ResetScratchAsync(location, "demo", new PostgreSqlStoreOptions { TimeProvider = TimeProvider.System }, None);

        await using var store = await PostgreSqlStore.OpenAsync(location, new PostgreSqlStoreOptions { TimeProvider = TimeProvider.System }, None);
        Assert.Equal(0, await store.CountItemsAsync(null, true, None));
        Assert.Equal("demo", await store.GetValueAsync(PostgreSqlStore.ScratchMark, None));
    }

    [Fact]
    public async Task A_database_with_a_table_of_another_application_is_refused_and_left_alone()
    {
        var location = PostgreSqlLocation.Parse(await cluster.CreateDatabaseAsync("scratch"));
        await ExecuteAsync(location, "CREATE TABLE public.invoices (id int); INSERT INTO public.invoices VALUES (1)");

        var error = await Assert.ThrowsAsync<StrategyLayerException>(() => PostgreSqlStore.ResetScratchAsync(location, "bench", new PostgreSqlStoreOptions { TimeProvider = TimeProvider.System }, None));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains("public.invoices", error.Message, StringComparison.Ordinal);
        Assert.Contains("bench", error.Message, StringComparison.Ordinal);
        await ExecuteAsync(location, "SELECT 1 FROM public.invoices");
    }

    [Fact]
    public async Task A_store_of_real_sources_is_refused_and_keeps_its_items()
    {
        var location = PostgreSqlLocation.Parse(await cluster.CreateDatabaseAsync("scratch"));
        await SyncOneItemAsync(location);

        var error = await Assert.ThrowsAsync<StrategyLayerException>(() => PostgreSqlStore.ResetScratchAsync(location, "demo", new PostgreSqlStoreOptions { TimeProvider = TimeProvider.System }, None));

        Assert.Contains("1 items", error.Message, StringComparison.Ordinal);
        await using var store = await PostgreSqlStore.OpenAsync(location, new PostgreSqlStoreOptions { TimeProvider = TimeProvider.System }, None);
        Assert.Equal(1, await store.CountItemsAsync(null, true, None));
    }
}
