using Npgsql;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Store.PostgreSql.Tests.Engine;

/// <summary>What the PostgreSQL engine adds to the locks' contract: a holder that dies holds nothing.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlLockReleaseTests(PostgreSqlCluster cluster)
{
    [Fact]
    public async Task A_lock_whose_holders_connection_ends_without_a_word_is_free_for_the_next_taker()
    {
        var uri = await cluster.CreateDatabaseAsync();
        await using var holder = await PostgreSqlStore.OpenAsync(PostgreSqlLocation.Parse(uri), new PostgreSqlStoreOptions { TimeProvider = TimeProvider.System, ApplicationName = "strategylayer node that dies" }, CancellationToken.None);
        await using var other = await PostgreSqlStore.OpenAsync(PostgreSqlLocation.Parse(uri), new PostgreSqlStoreOptions { TimeProvider = TimeProvider.System, ApplicationName = "strategylayer other node" }, CancellationToken.None);
        var held = await holder.TryLockAsync("delivery:d1", CancellationToken.None);
        Assert.NotNull(held);
        Assert.Null(await other.TryLockAsync("delivery:d1", CancellationToken.None));

        // What the server sees when a process is killed: the holder's session ends, nothing is unlocked.
        await using (var admin = new NpgsqlConnection(PostgreSqlLocation.Parse(uri).ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'strategylayer node that dies' AND pid <> pg_backend_pid()", admin);
            Assert.True((long)(await kill.ExecuteScalarAsync())! >= 1);
        }

        await using var taken = await other.LockAsync("delivery:d1", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        await held.DisposeAsync();
        Assert.Null(await holder.TryLockAsync("delivery:d1", CancellationToken.None));
    }
}
