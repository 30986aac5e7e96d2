using Npgsql;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Store.PostgreSql.Schema;

namespace StrategyLayer.Store.PostgreSql;

/// <summary>
/// The store on a PostgreSQL database (tables in the schema <c>strategylayer</c>). No lock file and
/// no one-writer rule: readers (several <c>serve</c>, <c>status</c>, <c>items</c>, a report) run beside
/// a sync, each read seeing the commits completed before it began; one sync per source at a time (a
/// session advisory lock, waited for). A commit returns once PostgreSQL has it in its write-ahead
/// log on disk (<c>synchronous_commit</c> as the server has it, <c>on</c> by default).
/// </summary>
public sealed partial class PostgreSqlStore : IStrategyStore, IStoreBench
{
    private readonly NpgsqlDataSource _data;
    private readonly PostgreSqlStoreOptions _options;
    private readonly TimeProvider _time;
    private long _writes;
    private int _disposed;

    private PostgreSqlStore(NpgsqlDataSource data, PostgreSqlLocation location, PostgreSqlStoreOptions options)
    {
        _data = data;
        Location = location;
        _options = options;
        _time = options.TimeProvider;
    }

    /// <summary>The database, as people may see it (no password).</summary>
    public PostgreSqlLocation Location { get; }

    /// <inheritdoc />
    public string Description => Location.Display;

    /// <summary>Item and raw-record rows written since this store was opened (a bench's <c>resync.writes</c>).</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>
    /// Connects, and creates or upgrades the schema. Throws a <see cref="StrategyLayerException"/> of
    /// kind Usage when a newer version wrote the database, and of kind Runtime when it cannot be reached.
    /// </summary>
    public static async Task<PostgreSqlStore> OpenAsync(PostgreSqlLocation location, PostgreSqlStoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new NpgsqlDataSourceBuilder(location.ConnectionString);
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
        {
            builder.ConnectionStringBuilder.ApplicationName = options.ApplicationName;
        }

        var data = builder.Build();
        try
        {
            await using var connection = await OpenConnectionAsync(data, location, cancellationToken).ConfigureAwait(false);
            await SchemaMigrator.MigrateAsync(connection, location.Display, options.ApplicationName, cancellationToken).ConfigureAwait(false);
            return new PostgreSqlStore(data, location, options);
        }
        catch
        {
            await data.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _data.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _data.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A pooled connection, opened; failures say which database could not be reached.</summary>
    private Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return OpenConnectionAsync(_data, Location, cancellationToken);
    }

    private static async Task<NpgsqlConnection> OpenConnectionAsync(NpgsqlDataSource data, PostgreSqlLocation location, CancellationToken cancellationToken)
    {
        try
        {
            return await data.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            throw new StrategyLayerException($"store {location.Display} cannot be opened: {e.Message}", ErrorKind.Runtime, location.Display, e);
        }
    }

    private void CountWrites(int rows) => Interlocked.Add(ref _writes, rows);
}
