using StrategyLayer.Cli.Output;
using StrategyLayer.Configuration;
using StrategyLayer.Sync;

namespace StrategyLayer.Cli.Hosting;

/// <summary>The exit code of a verb that synced (<c>sync</c>, <c>run</c>), and what it says on stderr when every source failed.</summary>
internal static class SyncExit
{
    /// <summary>
    /// 0 when every source synced cleanly; 1 when every source failed (nothing was brought, so it is a
    /// failure, not a partial success), each failure said on stderr with its URL and cause; 3 otherwise.
    /// </summary>
    public static async Task<int> CodeAsync(Invocation invocation, IReadOnlyList<SyncReport> reports, CancellationToken ct)
    {
        var failed = reports.Where(r => r.Failed).ToList();
        if (failed.Count > 0 && failed.Count == reports.Count)
        {
            foreach (var r in failed)
            {
                await Console.Error.WriteLineAsync($"error: {TerminalText.Clean(r.Error)}{(r.Table is null ? "" : $" (table {r.Table})")}").ConfigureAwait(false);
            }

            if (Hint(await invocation.ConfigAsync(ct).ConfigureAwait(false), failed) is { } hint)
            {
                await Console.Error.WriteLineAsync(hint).ConfigureAwait(false);
            }

            return ExitCodes.Failure;
        }

        return failed.Count > 0 || reports.Any(r => r.Quarantined > 0) ? ExitCodes.Partial : ExitCodes.Success;
    }

    /// <summary>What to do when the sources could not be reached at all: the demo's config reads the sandbox.</summary>
    private static string? Hint(AppConfig config, IReadOnlyList<SyncReport> failed)
    {
        if (!failed.Any(f => f.Error?.Contains("could not reach", StringComparison.Ordinal) == true))
        {
            return null;
        }

        var sources = config.Sources.Where(s => failed.Any(f => f.Source == s.Name)).ToList();
        return sources.Count > 0 && sources.All(s => s.BaseUrl.IsLoopback)
            ? "These sources are on this machine: with the demo's config they are the sandbox. Start it in another terminal with `strategylayer sandbox`, then sync again."
            : "Check the baseUrl of each source in " + config.File + " and that this machine can reach it (proxy, VPN, firewall).";
    }

    /// <summary>
    /// 1 when every source failed, 3 when one failed (having committed what it could) or records were
    /// quarantined, else 0: text stored with U+FFFD is data quality, not a failure.
    /// </summary>
    public static int ExitCode(IReadOnlyList<SyncReport> reports) =>
        reports.Count > 0 && reports.All(r => r.Failed) ? ExitCodes.Failure
        : reports.Any(r => r.Failed || r.Quarantined > 0) ? ExitCodes.Partial
        : ExitCodes.Success;
}
