using StrategyLayer.Store.PostgreSql.Syncing;

namespace StrategyLayer.Store.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    /// <remarks>
    /// A second sync of the same source, in this process or another, waits for the first (an advisory
    /// lock); <see cref="PostgreSqlStoreOptions.Waiting"/> is told who it waits for.
    /// </remarks>
    public async Task<ISourceSync> BeginSyncAsync(string source, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await PostgreSqlSourceSync.BeginAsync(source, connection, ConnectAsync, _options, CountWrites, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
