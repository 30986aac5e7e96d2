using StrategyLayer.Domain.Errors;
using StrategyLayer.Store;
using StrategyLayer.Store.LiteDb;
using StrategyLayer.Store.PostgreSql;

namespace StrategyLayer.Cli.Hosting;

/// <summary>
/// The one place that knows the store engines: the config's <c>store</c> (or <c>--store</c>) picks
/// one, once per process. A <c>postgresql://</c> (or <c>postgres://</c>) URI names the PostgreSQL
/// engine; anything else is a LiteDB file. Every other part of the program sees the store contract only.
/// </summary>
internal static class StoreEngines
{
    /// <summary>Whether <paramref name="store"/> names a server (a URI) rather than a file.</summary>
    public static bool IsServer(string store) => store.Contains("://", StringComparison.Ordinal);

    /// <summary>The store as the engines take it: a file made absolute, a URI as written.</summary>
    public static string Locate(string store) => IsServer(store) ? store : Path.GetFullPath(store);

    /// <summary>The store as it may be shown or written into a file: a server's URI without its password, a file as it is.</summary>
    public static string Shown(string store) =>
        PostgreSqlLocation.IsUri(store) ? PostgreSqlLocation.Parse(store, _ => null).Display : store;

    /// <summary>
    /// Opens (and, on LiteDB, locks) the store named by <paramref name="store"/>. On PostgreSQL the
    /// password is registered with the log mask before anything can print it, the sessions carry this
    /// verb's name (another sync that waits for this one names it), and a sync that must wait for
    /// another one says so on stderr.
    /// </summary>
    public static async Task<IStrategyStore> OpenAsync(string store, StoreOpening opening, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!IsServer(store))
        {
            return LiteStrategyStore.Open(store, new LiteStoreOptions { TimeProvider = opening.Time, Upgrading = opening.Notice });
        }

        var location = Locate(store, opening);
        return await PostgreSqlStore.OpenAsync(location, Options(opening), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Empties a store <c>demo</c> or <c>bench</c> (<paramref name="purpose"/>) owns, so that each run
    /// starts from an empty one: a file is deleted; a database is emptied, unless it holds other data
    /// (then nothing changes and the error says so, exit 2).
    /// </summary>
    public static async Task ResetAsync(string store, string purpose, StoreOpening opening, CancellationToken cancellationToken)
    {
        if (!IsServer(store))
        {
            LiteStrategyStore.Delete(store);
            return;
        }

        await PostgreSqlStore.ResetScratchAsync(Locate(store, opening), purpose, Options(opening), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Where a scheduler on this store runs clustered: the store's own database (Quartz's tables
    /// beside ours), as a connection string whose sessions name the node; null for a file, whose
    /// one scheduler keeps its schedule in memory.
    /// </summary>
    public static string? ClusterDatabase(string store, StoreOpening opening, string node)
    {
        if (!IsServer(store))
        {
            return null;
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(Locate(store, opening).ConnectionString)
        {
            ApplicationName = PostgreSqlStoreOptions.Holder("strategylayer schedule " + node),
        }.ConnectionString;
    }

    private static PostgreSqlLocation Locate(string store, StoreOpening opening)
    {
        if (!PostgreSqlLocation.IsUri(store))
        {
            // The URI is not repeated: it may carry a password.
            throw new StrategyLayerException(
                $"the store names a {store[..store.IndexOf("://", StringComparison.Ordinal)]}:// server; this build knows postgresql:// (PostgreSQL) and files (LiteDB)",
                ErrorKind.Usage,
                "store");
        }

        var location = PostgreSqlLocation.Parse(store, name => Environment.GetEnvironmentVariable(name) ?? opening.Secret(name));
        opening.Mask(location.Password);
        return location;
    }

    private static PostgreSqlStoreOptions Options(StoreOpening opening) => new()
    {
        TimeProvider = opening.Time,
        ApplicationName = PostgreSqlStoreOptions.Holder("strategylayer " + opening.Verb),
        Waiting = opening.Notice,
    };
}
