using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Cli.Output;
using StrategyLayer.Cli.Progress;
using StrategyLayer.Configuration;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Store;
using StrategyLayer.Sync;

namespace StrategyLayer.Cli.Commands;

/// <summary><c>sync [--source NAME] [--full]</c>: pull every configured source (or one) into the store.</summary>
public static class SyncCommand
{
    private static readonly Option<string?> SourceOption = new("--source") { Description = "Only this source (its name in config)" };
    private static readonly Option<bool> FullOption = new("--full") { Description = "Also detect items deleted, no longer visible, or moved out of scope upstream" };

    public static Command Create() => Verb.Create("sync", "Pull from every configured source (or one) incrementally", RunAsync, SourceOption, FullOption);

    private static async Task<int> RunAsync(Session session, ParseResult parse, CancellationToken ct)
    {
        var only = parse.GetValue(SourceOption);
        IReadOnlyList<SyncReport> reports;
        try
        {
            reports = await RunScope.RecordAsync(session, only is null ? "sync" : "sync:" + only, () => SyncAsync(session, only, parse.GetValue(FullOption), ct), Outcome, ct).ConfigureAwait(false);
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

    /// <summary>
    /// Syncs every configured source (or one), side by side; shared by <c>sync</c>, <c>run</c>,
    /// <c>demo</c>, <c>bench</c> and the scheduler. It records no run: whoever started the run does.
    /// </summary>
    public static async Task<IReadOnlyList<SyncReport>> SyncAsync(Session session, string? only, bool full, CancellationToken ct)
    {
        var sources = session.Config.Sources.Where(s => only is null || s.Name == only).ToList();
        if (only is not null && sources.Count == 0)
        {
            throw new StrategyLayerException($"no source named '{only}' in {session.Config.File}; configured: {string.Join(", ", session.Config.Sources.Select(s => s.Name))}", ErrorKind.Usage);
        }

        // Sources are independent: they sync side by side (one's HTTP waits overlap the other's
        // work), each committing its own batches; reports keep the configured order.
        var store = await session.StoreAsync(ct).ConfigureAwait(false);
        var board = session.Progress;
        var engine = new SyncEngine(store, store, session.Logger<SyncEngine>(), session.Time);
        var perSource = await Task.WhenAll(sources.Select(settings => SyncSourceAsync(session, engine, settings, full, board, store, ct))).ConfigureAwait(false);
        return perSource.SelectMany(r => r).ToList();
    }

    /// <summary>What a sync's run record says: its counts, and each failed source (and table) with its error.</summary>
    public static JobOutcome Outcome(IReadOnlyList<SyncReport> all)
    {
        var counts = Counts(all);
        var failed = all.Where(r => r.Failed).ToList();
        var result = failed.Count == all.Count && all.Count > 0 ? RunResult.Failed
            : failed.Count > 0 || counts["quarantined"] > 0 ? RunResult.Partial
            : RunResult.Succeeded;
        return new JobOutcome(result, counts, Failures(all));
    }

    /// <summary>The sync part of a run's counts.</summary>
    public static Dictionary<string, long> Counts(IReadOnlyList<SyncReport> all) => new()
    {
        ["fetched"] = all.Sum(r => r.Fetched),
        ["upserted"] = all.Sum(r => r.Upserted),
        ["unchanged"] = all.Sum(r => r.Unchanged),
        ["quarantined"] = all.Sum(r => r.Quarantined),
        ["replacedText"] = all.Sum(r => r.ReplacedText),
        ["healed"] = all.Sum(r => r.Healed),
        ["deleted"] = all.Sum(r => r.Deleted),
        ["outOfScope"] = all.Sum(r => r.OutOfScope),
    };

    /// <summary>Every failed source (and table) with its error, or null when none failed.</summary>
    public static string? Failures(IReadOnlyList<SyncReport> all)
    {
        var failed = all.Where(r => r.Failed).Select(r => $"{r.Source}{(r.Table is null ? "" : "/" + r.Table)}: {r.Error}").ToList();
        return failed.Count == 0 ? null : string.Join("; ", failed);
    }

    /// <summary>
    /// One source, on its own: whatever it throws (its settings, its first request, something no one
    /// foresaw) becomes its error entry, and the sources beside it keep what they synced.
    /// </summary>
    private static async Task<IReadOnlyList<SyncReport>> SyncSourceAsync(Session session, SyncEngine engine, SourceConfig config, bool full, ProgressBoard board, IItemReader store, CancellationToken ct)
    {
        SourceSettings? settings = null;
        try
        {
            settings = SourceFactory.Settings(config);
            await using var source = SourceFactory.Create(settings, session.Logs, session.Time);
            var rows = await SourceRows.CreateAsync(session, source, board, store, ct).ConfigureAwait(false);
            var reports = await engine.SyncAsync(source, full, rows, ct).ConfigureAwait(false);
            rows.Finish(reports);
            return reports;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            session.Log.Error(ex, "Sync of {Source} failed", config.Name);
            var tables = settings is { Type: "servicenow", Tables.Count: > 0 } ? settings.Tables.Select(t => (string?)t) : [null];
            return [.. tables.Select(t => new SyncReport { Source = config.Name, Table = t, Error = ex is StrategyLayerException ? ex.Message : $"{config.Name}: unexpected failure: {ex.Message}" })];
        }
    }

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
