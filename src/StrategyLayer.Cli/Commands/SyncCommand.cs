using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Runs;
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
        var reports = await RunScope.RecordAsync(session, only is null ? "sync" : "sync:" + only, () => SyncAsync(session, only, parse.GetValue(FullOption), ct), Outcome, ct).ConfigureAwait(false);
        session.Output(new { sources = reports }, console => Print(console, reports));
        return reports.Any(r => r.Failed || r.Quarantined > 0) ? ExitCodes.Partial : ExitCodes.Success;
    }

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
        var engine = new SyncEngine(store, store, session.Log, session.Time);
        var perSource = await WithProgressAsync(session, sources, progress => Task.WhenAll(sources.Select(async settings =>
        {
            await using var source = SourceFactory.Create(settings, session.Log, session.Time);
            return await engine.SyncAsync(source, full, progress, ct).ConfigureAwait(false);
        }))).ConfigureAwait(false);
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
        ["deleted"] = all.Sum(r => r.Deleted),
        ["outOfScope"] = all.Sum(r => r.OutOfScope),
    };

    /// <summary>Every failed source (and table) with its error, or null when none failed.</summary>
    public static string? Failures(IReadOnlyList<SyncReport> all)
    {
        var failed = all.Where(r => r.Failed).Select(r => $"{r.Source}{(r.Table is null ? "" : "/" + r.Table)}: {r.Error}").ToList();
        return failed.Count == 0 ? null : string.Join("; ", failed);
    }

    private static async Task<T> WithProgressAsync<T>(Session session, IReadOnlyList<SourceSettings> sources, Func<IProgress<SyncProgress>?, Task<T>> work)
    {
        if (!session.ShowProgress)
        {
            return await work(null).ConfigureAwait(false);
        }

        T result = default!;
        var latest = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await session.ProgressConsole.Status().StartAsync($"Syncing {string.Join(", ", sources.Select(s => s.Name))}…", async ctx =>
        {
            // One status line for all sources: each source's latest count, in configured order.
            var progress = new Progress<SyncProgress>(p =>
            {
                latest[p.Source] = $"{p.Source}{(p.Table is null ? "" : "/" + p.Table)}: {p.Fetched:N0} items, page {p.Page}";
                ctx.Status("Syncing " + Markup.Escape(string.Join(" · ", sources.Select(s => latest.TryGetValue(s.Name, out var text) ? text : s.Name + ": starting"))));
            });
            result = await work(progress).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return result;
    }

    private static void Print(IAnsiConsole console, IReadOnlyList<SyncReport> reports)
    {
        var table = new Table().AddColumns("source", "fetched", "upserted", "unchanged", "quarantined", "deleted", "out of scope", "error");
        foreach (var r in reports)
        {
            table.AddRow(
                Markup.Escape(r.Source + (r.Table is null ? "" : "/" + r.Table)),
                r.Fetched.ToString("N0"),
                r.Upserted.ToString("N0"),
                r.Unchanged.ToString("N0"),
                r.Quarantined.ToString("N0"),
                r.Deleted.ToString("N0"),
                r.OutOfScope.ToString("N0"),
                r.Error is null ? "" : "[red]" + Markup.Escape(r.Error) + "[/]");
        }

        console.Write(table);
    }
}
