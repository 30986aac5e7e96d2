using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Cli.Output;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Sync;

namespace StrategyLayer.Cli.Commands;

/// <summary><c>sync [--source NAME] [--full]</c>: pull every configured source (or one) into the store.</summary>
internal static class SyncCommand
{
    private static readonly Option<string?> SourceOption = new("--source") { Description = "Only this source (its name in config)" };
    private static readonly Option<bool> FullOption = new("--full") { Description = "Also detect items deleted, no longer visible, or moved out of scope upstream" };

    public static Command Create(TimeProvider time) => Verb.Create("sync", "Pull from every configured source (or one) incrementally", time, RunAsync, SourceOption, FullOption);

    private static async Task<int> RunAsync(Session session, ParseResult parse, CancellationToken ct)
    {
        var only = parse.GetValue(SourceOption);
        IReadOnlyList<SyncReport> reports;
        try
        {
            reports = await session.App.Sync.RunAsync(only, parse.GetValue(FullOption), ct).ConfigureAwait(false);
        }
        catch (StrategyLayerException ex) when (session.JsonOutput)
        {
            // --json always prints its document; the error line and exit code follow as for any verb.
            session.Output(new { sources = Array.Empty<SyncReport>(), error = session.Mask.Apply(ex.Message) }, _ => { });
            throw;
        }

        session.Output(new { sources = reports }, console => Print(console, reports));
        return await ExitCodeAsync(session, reports).ConfigureAwait(false);
    }

    /// <summary>
    /// 0 when every source synced cleanly; 1 when every source failed (nothing was brought, so it is a
    /// failure, not a partial success), each failure said on stderr with its URL and cause; 3 otherwise.
    /// </summary>
    public static async Task<int> ExitCodeAsync(Session session, IReadOnlyList<SyncReport> reports)
    {
        var failed = reports.Where(r => r.Failed).ToList();
        if (failed.Count > 0 && failed.Count == reports.Count)
        {
            foreach (var r in failed)
            {
                await Console.Error.WriteLineAsync($"error: {TerminalText.Clean(r.Error)}{(r.Table is null ? "" : $" (table {r.Table})")}").ConfigureAwait(false);
            }

            if (Hint(session, failed) is { } hint)
            {
                await Console.Error.WriteLineAsync(hint).ConfigureAwait(false);
            }

            return ExitCodes.Failure;
        }

        return failed.Count > 0 || reports.Any(r => r.Quarantined > 0) ? ExitCodes.Partial : ExitCodes.Success;
    }

    /// <summary>What to do when the sources could not be reached at all: the demo's config reads the sandbox.</summary>
    private static string? Hint(Session session, IReadOnlyList<SyncReport> failed)
    {
        if (!failed.Any(f => f.Error?.Contains("could not reach", StringComparison.Ordinal) == true))
        {
            return null;
        }

        var sources = session.Config.Sources.Where(s => failed.Any(f => f.Source == s.Name)).ToList();
        return sources.Count > 0 && sources.All(s => s.BaseUrl.IsLoopback)
            ? "These sources are on this machine: with the demo's config they are the sandbox. Start it in another terminal with `strategylayer sandbox`, then sync again."
            : "Check the baseUrl of each source in " + session.Config.File + " and that this machine can reach it (proxy, VPN, firewall).";
    }

    /// <summary>
    /// 1 when every source failed, 3 when one failed (having committed what it could) or records were
    /// quarantined, else 0: text stored with U+FFFD is data quality, not a failure.
    /// </summary>
    public static int ExitCode(IReadOnlyList<SyncReport> reports) =>
        reports.Count > 0 && reports.All(r => r.Failed) ? ExitCodes.Failure
        : reports.Any(r => r.Failed || r.Quarantined > 0) ? ExitCodes.Partial
        : ExitCodes.Success;

    private static void Print(IAnsiConsole console, IReadOnlyList<SyncReport> reports)
    {
        var table = new Table().AddColumns("source", "fetched", "upserted", "unchanged", "quarantined", "replaced text", "deleted", "out of scope", "error");
        foreach (var r in reports)
        {
            table.AddRow(
                Markup.Escape(TerminalText.Cell(r.Source + (r.Table is null ? "" : "/" + r.Table))),
                r.Fetched.ToString("N0"),
                r.Upserted.ToString("N0"),
                r.Unchanged.ToString("N0"),
                r.Quarantined.ToString("N0"),
                r.ReplacedText.ToString("N0"),
                r.Deleted.ToString("N0"),
                r.OutOfScope.ToString("N0"),
                r.Error is null ? "" : "[red]" + Markup.Escape(TerminalText.Cell(r.Error)) + "[/]");
        }

        console.Write(table);
        foreach (var d in reports.SelectMany(r => r.DataQuality))
        {
            var where = d.Page is { } page ? $" (page {page})" : "";
            console.MarkupLine(d.Quarantined
                ? $"  [red]quarantined[/] {Markup.Escape(d.Item + where)}: {Markup.Escape(d.Problem)}"
                : $"  [yellow]replaced text[/] {Markup.Escape(d.Item + where)} {Markup.Escape(d.Field ?? "")}: {Markup.Escape(d.Problem)}");
        }
    }
}
