using StrategyLayer.Domain.Errors;
using StrategyLayer.Store;
using StrategyLayer.Store.LiteDb;

namespace StrategyLayer.Cli.Hosting;

/// <summary>
/// The one place that knows the store engines: the config's <c>store</c> (or <c>--store</c>) picks
/// one, once per process. A URI (<c>postgresql://…</c>) names a server engine; anything else is a
/// LiteDB file. Every other part of the program sees the store contract only.
/// </summary>
public static class StoreEngines
{
    /// <summary>Whether <paramref name="store"/> names a server (a URI) rather than a file.</summary>
    public static bool IsServer(string store) => store.Contains("://", StringComparison.Ordinal);

    /// <summary>The store as the engines take it: a file made absolute, a URI as written.</summary>
    public static string Locate(string store) => IsServer(store) ? store : Path.GetFullPath(store);

    /// <summary>Opens (and, on LiteDB, locks) the store named by <paramref name="store"/>.</summary>
    public static Task<IStrategyStore> OpenAsync(string store, TimeProvider time, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (IsServer(store))
        {
            throw Unsupported(store);
        }

        return Task.FromResult<IStrategyStore>(LiteStrategyStore.Open(store, new LiteStoreOptions { TimeProvider = time }));
    }

    /// <summary>Deletes a store the demo owns, so that each demo starts from an empty one.</summary>
    public static void Reset(string store)
    {
        if (IsServer(store))
        {
            throw Unsupported(store);
        }

        LiteStrategyStore.Delete(store);
    }

    // The URI is not repeated: it may carry a password.
    private static StrategyLayerException Unsupported(string store) =>
        new($"the config's store names a {store[..store.IndexOf("://", StringComparison.Ordinal)]}:// server, and this build has the LiteDB engine only; name a file instead", ErrorKind.Usage, "store");
}
