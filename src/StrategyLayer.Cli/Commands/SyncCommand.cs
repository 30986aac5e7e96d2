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
        var reports = await SyncAsync(session, parse.GetValue(SourceOption), parse.GetValue(FullOption), ct).ConfigureAwait(false);
        session.Output(new { sources = reports }, console => Print(console, reports));
        return reports.Any(r => r.Failed || r.Quarantined > 0) ? ExitCodes.Partial : ExitCodes.Success;
    }

    /// <summary>Syncs and records a run; shared by <c>sync</c>, <c>run</c>, <c>demo</c> and the scheduler.</summary>
    public static async Task<IReadOnlyList<SyncReport>> SyncAsync(Session session, string? only, bool full, CancellationToken ct)
    {
        var sources = session.Config.Sources.Where(s => only is null || s.Name == only).ToList();
        if (only is not null && sources.Count == 0)
        {
            throw new StrategyLayerException($"no source named '{only}' in {session.Config.File}; configured: {string.Join(", ", session.Config.Sources.Select(s => s.Name))}", ErrorKind.Usage);
        }

        var store = await session.StoreAsync(ct).ConfigureAwait(false);
        return await RunScope.RecordAsync(store, session.Time, "sync", async () =>
        {
            // Sources are independent: they sync side by side (one's HTTP waits overlap the other's
            // work), each committing its own batches; reports keep the configured order.
            var engine = new SyncEngine(store, store, session.Log, session.Time);
            var perSource = await WithProgressAsync(session, sources, progress => Task.WhenAll(sources.Select(async settings =>
            {
                await using var source = SourceFactory.Create(settings, session.Log, session.Time);
                return await engine.SyncAsync(source, full, progress, ct).ConfigureAwait(false);
            }))).ConfigureAwait(false);
            var all = perSource.SelectMany(r => r).ToList();

            var counts = new Dictionary<string, long>
            {
                ["fetched"] = all.Sum(r => r.Fetched),
                ["upserted"] = all.Sum(r => r.Upserted),
                ["unchanged"] = all.Sum(r => r.Unchanged),
                ["quarantined"] = all.Sum(r => r.Quarantined),
                ["deleted"] = all.Sum(r => r.Deleted),
                ["outOfScope"] = all.Sum(r => r.OutOfScope),
            };
            var failed = all.Where(r => r.Failed).ToList();
            var outcome = failed.Count == all.Count && all.Count > 0 ? RunResult.Failed
                : failed.Count > 0 || counts["quarantined"] > 0 ? RunResult.Partial
                : RunResult.Succeeded;
            return ((IReadOnlyList<SyncReport>)all, outcome, (IReadOnlyDictionary<string, long>)counts, failed.Count == 0 ? null : string.Join("; ", failed.Select(f => f.Error)));
        }).ConfigureAwait(false);
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
