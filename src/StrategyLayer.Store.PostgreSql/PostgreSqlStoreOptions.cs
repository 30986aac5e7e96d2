namespace StrategyLayer.Store.PostgreSql;

/// <summary>How a PostgreSQL store is opened.</summary>
public sealed record PostgreSqlStoreOptions
{
    /// <summary>Clock for cursor commit times, quarantine times and the migration record: the host's one clock (a test's fake one).</summary>
    public required TimeProvider TimeProvider { get; init; }

    /// <summary>
    /// Who this process is, as other sessions see it (<c>application_name</c>): a sync that must wait
    /// for another names the holder by it, e.g. <c>strategylayer sync (pid 4711 on pmo-1)</c>.
    /// </summary>
    public string ApplicationName { get; init; } = Holder("strategylayer");

    /// <summary>
    /// Told, once, when a sync must wait for another process syncing the same source: the message
    /// names the source and the holder. Null: wait silently.
    /// </summary>
    public Action<string>? Waiting { get; init; }

    /// <summary>Items committed per batch: a COPY and one merge cost about the same for 500 rows as for 2,000.</summary>
    public int BatchSize { get; init; } = 2000;

    /// <summary><c>strategylayer VERB (pid N on HOST)</c>: the name sessions of this process carry.</summary>
    public static string Holder(string what) => $"{what} (pid {Environment.ProcessId} on {Environment.MachineName})";
}
