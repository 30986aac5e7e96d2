using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using StrategyLayer.Application;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Store;
using StrategyLayer.Web;

namespace StrategyLayer.Cli.Commands;

/// <summary>
/// <c>bench [--size …]</c>: the sandbox in a child process, then, in one run: our full sync against
/// the I/O floor on the same data, a re-sync with nothing changed, an incremental sync after 1 %
/// changed, rule evaluation with 200 rules, and the portfolio pack in HTML and PDF. Every figure is
/// printed beside its target; nothing here asserts (targets are for people to read).
/// </summary>
internal partial class BenchCommand
{
    public static Command Create(TimeProvider time) => Verb.Create("bench", "Run the benchmark against the sandbox (in a child process)", time, RunAsync, SandboxSize.Option);

    private static async Task<int> RunAsync(Invocation invocation, ParseResult parse, CancellationToken ct)
    {
        var size = parse.GetValue(SandboxSize.Option)!;
        var folder = Path.Combine(Path.GetTempPath(), "strategylayer-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        try
        {
            var result = await MeasureAsync(invocation, size, folder, ct).ConfigureAwait(false);
            invocation.Output(result, console => Print(console, result));
            return ExitCodes.Success;
        }
        finally
        {
            invocation.Dispose();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    /// <summary>A figure over a sync that failed would measure the failure: the bench stops, naming it.</summary>
    private static void ThrowIfFailed(IReadOnlyList<Sync.SyncReport> reports, string step)
    {
        if (reports.FirstOrDefault(r => r.Error is not null) is { } failed)
        {
            throw new Domain.Errors.StrategyLayerException($"bench: the {step} failed, so its figures would mean nothing: {failed.Error}", Domain.Errors.ErrorKind.Runtime, failed.Source);
        }
    }

    private static async Task<BenchResult> MeasureAsync(Invocation invocation, string size, string folder, CancellationToken ct)
    {
        var say = new Action<string>(s => { if (!invocation.JsonOutput && !invocation.Quiet) { invocation.ProgressConsole.MarkupLine("[grey]" + Markup.Escape(s) + "[/]"); } });
        say($"starting the sandbox ({size}) in a child process");
        await using var sandbox = await ChildSandbox.StartAsync(size, ct).ConfigureAwait(false);
        var config = (await SandboxConfig.ForAsync(invocation, folder, sandbox.JiraCloudUrl, sandbox.JiraDataCenterUrl, sandbox.ServiceNowUrl, ct).ConfigureAwait(false)) with { Store = await BenchStoreAsync(invocation, folder, ct).ConfigureAwait(false), Logs = Path.Combine(folder, "logs") };
        invocation.UseConfig(config);
        var store = await invocation.StoreAsync(ct).ConfigureAwait(false);
        var bench = store as IStoreBench ?? throw new Domain.Errors.StrategyLayerException("the store engine offers no bench figures (no I/O floor)", Domain.Errors.ErrorKind.Usage, "store");

        say("full sync");
        var started = Stopwatch.GetTimestamp();
        var full = await invocation.App.Sync.SyncAsync(null, false, ct).ConfigureAwait(false);
        var fullSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        ThrowIfFailed(full, "full sync");
        var items = full.Sum(r => r.Fetched);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var peakMb = self.PeakWorkingSet64 / (1024.0 * 1024.0);
        var storeBytes = await bench.SizeBytesAsync(ct).ConfigureAwait(false) ?? 0;

        say("re-sync with nothing changed (every item read again, compared by hash)");
        started = Stopwatch.GetTimestamp();
        var rereads = await invocation.App.Sync.SyncAsync(null, false, ct, fromScratch: true).ConfigureAwait(false);
        ThrowIfFailed(rereads, "re-sync");
        var reread = rereads.Sum(r => r.Fetched);

        var resyncSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        // Each item written carries its raw record: two writes (CONTRACT: item and raw-record writes).
        var resyncWrites = rereads.Sum(r => r.Upserted) * 2;

        say("incremental sync after 1 % changed upstream");
        await sandbox.ControlAsync("clock?advanceSeconds=3600", ct).ConfigureAwait(false);
        await sandbox.ControlAsync("edit?share=0.01", ct).ConfigureAwait(false);
        started = Stopwatch.GetTimestamp();
        await invocation.App.Sync.SyncAsync(null, false, ct).ConfigureAwait(false);
        var incrementalSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        say("I/O floor: a plain HttpClient loop over the same pages, the store engine writing the same documents");
        var floor = await IoFloor.MeasureAsync(sandbox, config, bench, ct).ConfigureAwait(false);

        say("rule evaluation with 200 rules");
        var rules = await invocation.App.Map.EvaluateRulesAsync(200, ct).ConfigureAwait(false);
        say("map (persisting changed mappings)");
        await invocation.App.Map.MapQuietlyAsync(true, null, ct).ConfigureAwait(false);

        say("portfolio pack: HTML, then PDF");
        var period = await invocation.App.Strategy.CurrentPeriodAsync(ct).ConfigureAwait(false);
        started = Stopwatch.GetTimestamp();
        await invocation.App.Report.WriteAsync(new PackOrder(period, Path.Combine(folder, "packs"), "portfolio-pack", null, "html"), null, ct).ConfigureAwait(false);
        var htmlSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        started = Stopwatch.GetTimestamp();
        var pdf = await invocation.App.Report.WriteAsync(new PackOrder(period, Path.Combine(folder, "packs"), "portfolio-pack", null, "pdf"), null, ct).ConfigureAwait(false);
        double? pdfSeconds = pdf.PdfProblem is null ? Stopwatch.GetElapsedTime(started).TotalSeconds : null;

        say("web view: the largest team's page");
        var webOptions = await WebHosting.OptionsAsync(invocation, "http://127.0.0.1:0", ct).ConfigureAwait(false);
        var web = await WebBench.TeamPageAsync(webOptions, store, null, null, ct).ConfigureAwait(false);

        say("web view while a sync writes: the same page, 10 % changed upstream");
        await sandbox.ControlAsync("clock?advanceSeconds=3600", ct).ConfigureAwait(false);
        await sandbox.ControlAsync("edit?share=0.1", ct).ConfigureAwait(false);
        var during = await WebBench.TeamPageWhileAsync(
            webOptions,
            store,
            null,
            web.Team,
            token => invocation.App.Sync.SyncAsync(null, false, token),
            ct).ConfigureAwait(false);

        return new BenchResult(
            size,
            items,
            new FloorFigures(Math.Round(floor.TotalSeconds, 2), Math.Round(floor.HttpSeconds, 2), Math.Round(floor.StoreSeconds, 2), floor.Documents, floor.Engine),
            new FullSyncFigures(Math.Round(fullSeconds, 2), Math.Round(fullSeconds / floor.TotalSeconds, 2), Math.Round(peakMb, 1), items == 0 ? 0 : storeBytes / items, Math.Round(sandbox.PeakWorkingSetBytes / (1024.0 * 1024.0), 1)),
            new ResyncFigures(Math.Round(reread / resyncSeconds), resyncWrites, reread, Math.Round(resyncSeconds, 2), Math.Round(resyncSeconds / floor.HttpSeconds, 2)),
            new IncrementalFigures(0.01, Math.Round(incrementalSeconds / fullSeconds, 4), Math.Round(incrementalSeconds, 2)),
            new MapFigures(rules.Rules, Math.Round(rules.ItemsPerSecond)),
            new ReportFigures(Math.Round(htmlSeconds, 2), pdfSeconds is null ? null : Math.Round(pdfSeconds.Value, 2)),
            new WebFigures(web.Team, web.Items, Math.Round(web.FirstSeconds, 3), Math.Round(web.RepeatSeconds, 3)),
            new WebWhileSyncFigures(0.1, Math.Round(during.FirstSeconds, 3), during.WriterRunning == true));
    }

    /// <summary>
    /// A new store of its own: a file in the bench's temporary folder, or the database <c>--store</c>
    /// names, emptied first (refused, unchanged, when it holds other data). A file <c>--store</c> names
    /// must not exist yet: the bench never overwrites a store.
    /// </summary>
    private static async Task<string> BenchStoreAsync(Invocation invocation, string folder, CancellationToken ct)
    {
        if (invocation.StoreOverride is not { } named)
        {
            return Path.Combine(folder, "bench.db");
        }

        var store = StoreEngines.Locate(named);
        if (!StoreEngines.IsServer(store) && File.Exists(store))
        {
            throw new Domain.Errors.StrategyLayerException($"bench writes a new store and {store} exists: name a file that does not exist yet, or a database of its own", Domain.Errors.ErrorKind.Usage, store);
        }

        await StoreEngines.ResetAsync(store, "bench", invocation.Opening, ct).ConfigureAwait(false);
        return store;
    }

    private static void Print(IAnsiConsole console, BenchResult r)
    {
        var table = new Table().AddColumns("figure", "measured", "target", "");
        void Row(string name, string measured, string target, bool? ok) =>
            table.AddRow(Markup.Escape(name), Markup.Escape(measured), Markup.Escape(target), ok is null ? "" : ok.Value ? "[green]ok[/]" : "[red]missed[/]");
        Row("items", r.Items.ToString("N0"), "", null);
        Row($"I/O floor (HTTP + {r.Floor.Engine})", $"{r.Floor.Seconds:0.00} s ({r.Floor.HttpSeconds:0.00} + {r.Floor.StoreSeconds:0.00})", "", null);
        Row("full sync", $"{r.FullSync.Seconds:0.00} s = {r.FullSync.RatioToFloor:0.00}× floor", "≤ 1.5× floor", r.FullSync.RatioToFloor <= 1.5);
        Row("peak working set (ours)", $"{r.FullSync.PeakWorkingSetMB:0} MB", "< 400 MB at large", r.FullSync.PeakWorkingSetMB < 400);
        Row("store bytes per item", r.FullSync.StoreBytesPerItem.ToString("N0"), "", null);
        Row("re-sync, nothing changed", $"{r.Resync.ItemsPerSecond:N0} items/s = {r.Resync.RatioToHttpFloor:0.00}× HTTP floor, {r.Resync.Writes} writes", "≤ 1.5× the HTTP floor, 0 writes", r.Resync.RatioToHttpFloor <= 1.5 && r.Resync.Writes == 0);
        Row("incremental after 1 % changed", $"{r.Incremental.ShareOfFull:P1} of full ({r.Incremental.Seconds:0.00} s)", "≤ 5 % of full", r.Incremental.ShareOfFull <= 0.05);
        Row($"rule evaluation ({r.Map.Rules} rules)", $"{r.Map.ItemsPerSecond:N0} items/s", "≥ 100,000 items/s", r.Map.ItemsPerSecond >= 100_000);
        Row("portfolio pack HTML", $"{r.Report.HtmlSeconds:0.00} s", "≤ 5 s at large", r.Report.HtmlSeconds <= 5);
        Row("portfolio pack PDF", r.Report.PdfSeconds is { } p ? $"{p:0.00} s" : "not printed (no chromium)", "≤ 20 s at large", r.Report.PdfSeconds is { } q ? q <= 20 : null);
        Row($"web team page ({r.Web.Team}, {r.Web.Items:N0} items)", $"{r.Web.FirstSeconds:0.000} s (again {r.Web.RepeatSeconds:0.000} s)", "< 1 s for 5,000 items", r.Web.FirstSeconds < 1);
        Row(
            "web team page while a sync writes",
            $"{r.WebWhileSync.FirstSeconds:0.000} s" + (r.WebWhileSync.SyncRunning ? "" : " (the sync ended first)"),
            "< 1 s",
            r.WebWhileSync.SyncRunning ? r.WebWhileSync.FirstSeconds < 1 : null);
        console.Write(table);
        console.MarkupLine($"[grey]sandbox child peak working set {r.FullSync.SandboxPeakWorkingSetMB:0} MB (not counted as ours)[/]");
    }
}

internal sealed record BenchResult(string Size, long Items, FloorFigures Floor, FullSyncFigures FullSync, ResyncFigures Resync, IncrementalFigures Incremental, MapFigures Map, ReportFigures Report, WebFigures Web, WebWhileSyncFigures WebWhileSync);

internal sealed record WebFigures(string Team, int Items, double FirstSeconds, double RepeatSeconds);

/// <summary>The largest team's page asked while a sync of <paramref name="ChangedShare"/> changed upstream writes; <paramref name="SyncRunning"/> false: the sync ended before the answer (not measured under load).</summary>
internal sealed record WebWhileSyncFigures(double ChangedShare, double FirstSeconds, bool SyncRunning);

internal sealed record FloorFigures(double Seconds, double HttpSeconds, double StoreSeconds, long Documents, string Engine);

internal sealed record FullSyncFigures(double Seconds, double RatioToFloor, double PeakWorkingSetMB, long StoreBytesPerItem, double SandboxPeakWorkingSetMB);

/// <summary>The re-sync of every item with nothing changed; <paramref name="RatioToHttpFloor"/>: its time over the HTTP part of the floor (the same pages fetched plainly).</summary>
internal sealed record ResyncFigures(double ItemsPerSecond, long Writes, long Items, double Seconds, double RatioToHttpFloor);

internal sealed record IncrementalFigures(double ChangedShare, double ShareOfFull, double Seconds);

internal sealed record MapFigures(int Rules, double ItemsPerSecond);

internal sealed record ReportFigures(double HtmlSeconds, double? PdfSeconds);
