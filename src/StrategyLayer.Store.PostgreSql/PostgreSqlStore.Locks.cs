using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace StrategyLayer.Store.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <summary>The advisory lock key a named lock takes (a bigint; the sync's per-source keys are apart).</summary>
    public static long LockKeyOf(string name) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("strategylayer.lock:" + name)));

    /// <inheritdoc />
    /// <remarks>
    /// A session advisory lock held by a connection of its own, outside the pool: it ends with the
    /// handle, or with the connection when the holding process dies (the server sees the socket close).
    /// </remarks>
    public async Task<IAsyncDisposable?> TryLockAsync(string name, CancellationToken cancellationToken)
    {
        var connection = await OpenLockConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", LockKeyOf(name));
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
            {
                return new HeldLock(connection, LockKeyOf(name));
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable> LockAsync(string name, CancellationToken cancellationToken)
    {
        var connection = await OpenLockConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("key", LockKeyOf(name));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new HeldLock(connection, LockKeyOf(name));
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<NpgsqlConnection> OpenLockConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        // Not pooled: a pooled connection outlives its handle, and with it a lock whose unlock failed.
        var builder = new NpgsqlConnectionStringBuilder(Location.ConnectionString) { Pooling = false };
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = _options.ApplicationName;
        }

        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (NpgsqlException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new Domain.Errors.StrategyLayerException($"store {Location.Display} cannot be reached for a lock: {e.Message}", Domain.Errors.ErrorKind.Runtime, Location.Display, e);
        }
    }

    private sealed class HeldLock(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                // Closing the connection releases the lock anyway; unlocking first says so at once.
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // The connection is gone, and the lock with it.
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
