using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace StrategyLayer.Store.PostgreSql.Syncing;

/// <summary>
/// One sync per source across every process on the database: a session-level advisory lock, keyed
/// by the source's name, held by the sync's own connection until it closes (so a process that dies
/// releases it). A second sync waits for the first, and is first told who holds it.
/// </summary>
internal static class SourceLock
{
    public static long KeyOf(string source)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes("strategylayer.sync:" + source));
        return BinaryPrimitives.ReadInt64BigEndian(digest);
    }

    public static async Task AcquireAsync(NpgsqlConnection connection, string source, Action<string>? waiting, CancellationToken cancellationToken)
    {
        var key = KeyOf(source);
        await using (var attempt = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
        {
            attempt.Parameters.AddWithValue("key", key);
            if (await attempt.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
            {
                return;
            }
        }

        waiting?.Invoke($"sync of {source} waits: another sync of {source} is running ({await HolderAsync(connection, key, cancellationToken).ConfigureAwait(false)}); it goes on when that one ends");
        await using var wait = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
        wait.Parameters.AddWithValue("key", key);
        await wait.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Who holds the lock, as its session named itself (application name), from where and since when.</summary>
    public static async Task<string> HolderAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        // A bigint advisory key shows in pg_locks as classid (high 32 bits) and objid (low 32 bits), objsubid 1.
        await using var command = new NpgsqlCommand(
            """
            SELECT a.application_name, host(a.client_addr), a.backend_start, a.pid
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND l.classid::bigint = @high AND l.objid::bigint = @low
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            LIMIT 1
            """,
            connection);
        command.Parameters.AddWithValue("high", (key >> 32) & 0xFFFF_FFFFL);
        command.Parameters.AddWithValue("low", key & 0xFFFF_FFFFL);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return "a session that has just ended";
        }

        var name = reader.IsDBNull(0) || reader.GetString(0).Length == 0 ? $"server process {reader.GetInt32(3)}" : reader.GetString(0);
        var from = reader.IsDBNull(1) ? "" : " from " + reader.GetString(1);
        var since = reader.IsDBNull(2) ? "" : " since " + reader.GetFieldValue<DateTimeOffset>(2).ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return name + from + since;
    }
}
