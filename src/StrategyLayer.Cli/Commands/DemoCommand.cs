using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Configuration;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Mapping;
using StrategyLayer.Sandbox;
using StrategyLayer.Sync;

namespace StrategyLayer.Cli.Commands;

/// <summary>
/// <c>demo [--out DIR] [--size …]</c>: the sandbox on a free port, the demo config pointed at it,
/// and the whole pipeline: sync, map, last month's pack (frozen), a month of upstream change, sync
/// again, map, this month's packs in HTML and PDF, and a short summary. Needs no config of the
/// user's; exits 3 with the install command when chromium is missing (the HTML is written).
/// </summary>
public static class DemoCommand
{
    private static readonly Option<string> OutOption = new("--out") { Description = "Where to write the packs", DefaultValueFactory = _ => "out" };

    public static Command Create() => Verb.Create("demo", "Start the sandbox, run sync → map → report against it, write the packs", RunAsync, OutOption, SandboxCommand.SizeOption);

    private static async Task<int> RunAsync(Session session, ParseResult parse, CancellationToken ct)
    {
        var outFolder = Path.GetFullPath(parse.GetValue(OutOption)!);
        var size = parse.GetValue(SandboxCommand.SizeOption)!;
        var result = await RunDemoAsync(session, outFolder, size, ct).ConfigureAwait(false);
        session.Output(result, console => Print(console, result));
        if (result.PdfProblem is not null)
        {
            await Console.Error.WriteLineAsync($"The HTML packs are written; the PDF was not: {result.PdfProblem}").ConfigureAwait(false);
            return ExitCodes.Partial;
        }

        return result.Sync.Any(s => s.Failed) ? ExitCodes.Partial : ExitCodes.Success;
    }

    private static async Task<DemoResult> RunDemoAsync(Session session, string outFolder, string size, CancellationToken ct)
    {
        var steps = new Steps(session);
        await using var sandbox = await steps.RunAsync($"Starting the sandbox ({size})", () => SandboxServer.StartAsync(SandboxOptions.Default with { Port = 0, Size = size }, ct)).ConfigureAwait(false);
        var config = DemoConfig(session, sandbox.JiraCloudUrl, sandbox.JiraDataCenterUrl, sandbox.ServiceNowUrl);
        session.UseConfig(config);
        await StoreEngines.ResetAsync(session.StorePath, "demo", session.Opening, ct).ConfigureAwait(false);

        var now = sandbox.Now;
        var current = ReportingPeriod.Containing(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, config.TimeZone).DateTime), PeriodKind.Month);
        var previous = current.Previous;

        var first = await steps.RunAsync("Syncing Jira and ServiceNow", () => RunScope.RecordAsync(session, "sync", () => SyncCommand.SyncAsync(session, null, false, ct), SyncCommand.Outcome, ct)).ConfigureAwait(false);
        await steps.RunAsync("Mapping items to measures", () => RunScope.RecordAsync(session, "map", () => Pipeline.MapAsync(session, false, null, ct), Pipeline.MapOutcome, ct)).ConfigureAwait(false);
        await steps.RunAsync($"Building last month's pack ({previous})", () => RunScope.RecordAsync(session, "report", () => Pipeline.ReportAsync(session, previous, Path.Combine(outFolder, previous.Name), "portfolio-pack", null, "html", previous.EndInstant(config.TimeZone), null, ct), Pipeline.ReportOutcome, ct)).ConfigureAwait(false);

        // A month of upstream work: some items move on, a few are deleted; the next sync sees it.
        sandbox.AdvanceClock(TimeSpan.FromHours(6));
        sandbox.Edit(0.05);
        sandbox.Delete(5);
        var second = await steps.RunAsync("Syncing the changes (full: deletions too)", () => RunScope.RecordAsync(session, "sync", () => SyncCommand.SyncAsync(session, null, true, ct), SyncCommand.Outcome, ct)).ConfigureAwait(false);
        var map = await steps.RunAsync("Re-mapping what changed", () => RunScope.RecordAsync(session, "map", () => Pipeline.MapAsync(session, false, null, ct), Pipeline.MapOutcome, ct)).ConfigureAwait(false);
        var report = await steps.RunAsync($"Building this month's packs ({current}) in HTML and PDF", () => RunScope.RecordAsync(session, "report", () => Pipeline.ReportAsync(session, current, outFolder, null, null, "both", sandbox.Now, null, ct), Pipeline.ReportOutcome, ct)).ConfigureAwait(false);

        var portfolio = report.Packs.First(p => p.Template == "portfolio-pack");
        var store = await session.StoreAsync(ct).ConfigureAwait(false);
        var sync = new List<DemoSource>();
        foreach (var source in first.Concat(second).Select(s => s.Source).Distinct())
        {
            sync.Add(new DemoSource(source, await store.CountItemsAsync(source, false, ct).ConfigureAwait(false)));
        }

        return new DemoResult(
            sync,
            second,
            map,
            portfolio.Model.Summary.MeasuresGreen,
            portfolio.Model.Summary.MeasuresAmber,
            portfolio.Model.Summary.MeasuresRed,
            portfolio.Model.Measures.Select(m => $"{m.Id} {m.Name}: delivery {m.Implementation.Status}, value {m.Potential.Status}"
                + (m.Implementation.Reasons.Concat(m.Potential.Reasons).OrderBy(r => Severity(r.Level)).FirstOrDefault() is { } reason ? " — " + reason.Text : "")).ToList(),
            outFolder,
            report.Files,
            report.PdfProblem);
    }

    /// <summary>Red first: the summary names the reason that matters most.</summary>
    private static int Severity(string level) => level switch { "red" => 0, "amber" => 1, _ => 2 };

    /// <summary>The demo config with every source pointed at the sandbox.</summary>
    public static AppConfig DemoConfig(Session session, string jiraCloud, string jiraDataCenter, string serviceNow)
    {
        var path = FindDemoConfig(session.ConfigPath);
        var config = ConfigLoader.Load(path);

        // The demo starts from an empty store: never from one that belongs to real sources.
        if (config.Sources.FirstOrDefault(s => !s.BaseUrl.IsLoopback) is { } real)
        {
            throw new StrategyLayerException($"{path} names a real source ({real.Name}: {real.BaseUrl}); the demo resets its store, so it only runs with the demo config (config/strategylayer.json), whose sources are the local sandbox", ErrorKind.Usage);
        }
        return config with
        {
            Sources = config.Sources.Select(s => s with
            {
                BaseUrl = new Uri(s.Type switch
                {
                    "jira-cloud" => jiraCloud,
                    "jira-datacenter" => jiraDataCenter,
                    _ => serviceNow,
                }),
            }).ToList(),
            Store = session.StoreOverride is null ? config.Store : StoreEngines.Locate(session.StoreOverride),
        };
    }

    /// <summary>The config named (default config/strategylayer.json), else the repository's, found from the binary.</summary>
    private static string FindDemoConfig(string named)
    {
        if (File.Exists(named))
        {
            return named;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config", "strategylayer.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new StrategyLayerException($"the demo config {Path.GetFullPath(named)} was not found: run the demo from the repository's root", ErrorKind.Usage);
    }



    private static void Print(IAnsiConsole console, DemoResult r)
    {
        console.MarkupLine("[bold]StrategyLayer demo[/]");
        foreach (var s in r.Sources)
        {
            console.MarkupLine($"  {Markup.Escape(s.Source)}: {s.Items:N0} items");
        }

        console.MarkupLine($"  mapped {r.Map.Mapped:N0}, [yellow]untracked {r.Map.Untracked:N0}[/] of {r.Map.InScope:N0} in scope");
        console.MarkupLine($"  measures: [green]{r.Green} green[/], [yellow]{r.Amber} amber[/], [red]{r.Red} red[/]");
        foreach (var m in r.Attention)
        {
            console.MarkupLine("    " + Markup.Escape(m));
        }

        console.MarkupLine($"Packs in [bold]{Markup.Escape(r.Out)}[/]:");
        foreach (var f in r.Files.Where(f => Path.GetFileName(f).StartsWith("portfolio-pack", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("untracked", StringComparison.Ordinal)))
        {
            console.MarkupLine("  " + Markup.Escape(f));
        }

        console.MarkupLine($"  and {r.Files.Count(f => Path.GetFileName(f).StartsWith("delivery-lead", StringComparison.Ordinal))} delivery-lead packs, one per team");
        console.MarkupLine("Next: [bold]strategylayer items --untracked[/], [bold]strategylayer explain jira:WEB-3[/], [bold]strategylayer serve[/]");
    }

    /// <summary>Shows each step on a terminal; silent otherwise.</summary>
    private sealed class Steps(Session session)
    {
        public async Task<T> RunAsync<T>(string title, Func<Task<T>> work)
        {
            if (!session.ShowProgress)
            {
                return await work().ConfigureAwait(false);
            }

            T result = default!;
            await session.ProgressConsole.Status().StartAsync(title + "…", async _ => result = await work().ConfigureAwait(false)).ConfigureAwait(false);
            session.ProgressConsole.MarkupLine("[green]✓[/] " + Markup.Escape(title));
            return result;
        }
    }
}

public sealed record DemoSource(string Source, int Items);

public sealed record DemoResult(
    IReadOnlyList<DemoSource> Sources,
    IReadOnlyList<SyncReport> Sync,
    MapSummary Map,
    int Green,
    int Amber,
    int Red,
    IReadOnlyList<string> Attention,
    string Out,
    IReadOnlyList<string> Files,
    string? PdfProblem);
