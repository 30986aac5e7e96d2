using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Application;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Cli.Output;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Mapping;
using StrategyLayer.Reporting;
using StrategyLayer.Sandbox;
using StrategyLayer.Sync;

namespace StrategyLayer.Cli.Commands;

/// <summary>
/// <c>demo [--out DIR] [--size …]</c>: the sandbox on a free port with its world built relative to
/// today, the demo config pointed at it, and the whole pipeline: sync, map, last month's pack (frozen),
/// upstream change, sync again, map, this month's packs in HTML and PDF, and a short summary. Needs no config of the
/// user's; exits 3 with the install command when chromium is missing (the HTML is written).
/// </summary>
internal static class DemoCommand
{
    private static readonly Option<string> OutOption = new("--out") { Description = "Where to write the packs", DefaultValueFactory = _ => "out" };

    public static Command Create(TimeProvider time) => Verb.Create("demo", "Start the sandbox, run sync → map → report against it, write the packs", time, RunAsync, OutOption, SandboxSize.Option);

    private static async Task<int> RunAsync(Invocation invocation, ParseResult parse, CancellationToken ct)
    {
        var outFolder = Path.GetFullPath(parse.GetValue(OutOption)!);
        var size = parse.GetValue(SandboxSize.Option)!;
        var here = Directory.GetCurrentDirectory();
        DemoFolder.RefuseForeignConfig(here);
        var result = await RunDemoAsync(invocation, here, outFolder, size, "both", ct).ConfigureAwait(false);
        invocation.Output(result, console => Print(console, result));
        if (result.PdfProblem is not null)
        {
            await Console.Error.WriteLineAsync($"The HTML packs are written; the PDF was not: {result.PdfProblem}").ConfigureAwait(false);
            return ExitCodes.Partial;
        }

        return result.Sync.Any(s => s.Failed) || result.Report.SomeValueUnusable ? ExitCodes.Partial : ExitCodes.Success;
    }

    /// <summary>
    /// The demo on the invocation's clock: the sandbox builds its world relative to today, last month's pack
    /// is frozen as of its end, and this month's packs are built as of now, so that <c>report</c>,
    /// <c>status</c> and <c>serve</c> run afterwards tell the same story in the current period. Its
    /// config, store and logs are left in <paramref name="folder"/> (the current folder for the verb).
    /// </summary>
    public static async Task<DemoResult> RunDemoAsync(Invocation invocation, string folder, string outFolder, string size, string format, CancellationToken ct)
    {
        var board = invocation.Progress;
        var basePath = invocation.ConfigNamed ?? Installation.DemoConfig;
        await using var sandbox = await board.StepAsync($"Starting the sandbox ({size})", _ => SandboxServer.StartAsync(SandboxOptions.Default with { Port = 0, Size = size }, invocation.Time, ct)).ConfigureAwait(false);
        var config = await SandboxConfig.ForAsync(invocation, folder, sandbox.JiraCloudUrl, sandbox.JiraDataCenterUrl, sandbox.ServiceNowUrl, ct).ConfigureAwait(false);
        invocation.UseConfig(config);
        await StoreEngines.ResetAsync(invocation.StorePath, "demo", invocation.Opening, ct).ConfigureAwait(false);
        var written = DemoFolder.WriteConfig(basePath, config, folder);

        var app = invocation.App;
        var current = await app.Strategy.CurrentPeriodAsync(ct).ConfigureAwait(false);
        var previous = current.Previous;

        // Each step is a run of its own, with its one run record, as if typed.
        var first = await board.StepAsync("Syncing Jira and ServiceNow", _ => app.Sync.RunAsync(null, false, ct)).ConfigureAwait(false);
        if (first.Count > 0 && first.All(s => s.Failed))
        {
            throw new StrategyLayerException("the demo could not sync from its own sandbox: " + string.Join("; ", first.Select(s => s.Error)));
        }

        await app.Map.RunAsync(false, ct).ConfigureAwait(false);
        await app.Report.RunAsync(new PackOrder(previous, Path.Combine(outFolder, previous.Name), "portfolio-pack", null, "html", previous.EndInstant(config.TimeZone)), ct).ConfigureAwait(false);

        // Upstream work goes on: some items move on, a few are deleted; the next sync sees it. The
        // sandbox stamps the edits with its own clock, which never runs ahead of the invocation's.
        sandbox.Edit(0.05);
        sandbox.Delete(5);
        var second = await board.StepAsync("Syncing the changes (full: deletions too)", _ => app.Sync.RunAsync(null, true, ct)).ConfigureAwait(false);
        var map = await app.Map.RunAsync(false, ct, "Re-mapping what changed").ConfigureAwait(false);
        var report = await app.Runs.RecordAsync("report", () => app.Report.WriteAsync(new PackOrder(current, outFolder, Format: format), second, ct), ReportUseCase.Outcome, ct).ConfigureAwait(false);

        var portfolio = report.Packs.First(p => p.Template == "portfolio-pack");
        var store = await invocation.StoreAsync(ct).ConfigureAwait(false);
        var sync = new List<DemoSource>();
        foreach (var source in first.Concat(second).Select(s => s.Source).Distinct())
        {
            sync.Add(new DemoSource(source, await store.CountItemsAsync(source, false, ct).ConfigureAwait(false)));
        }

        return new DemoResult(
            sync,
            second,
            map,
            report.Report,
            portfolio.Model.Summary.MeasuresGreen,
            portfolio.Model.Summary.MeasuresAmber,
            portfolio.Model.Summary.MeasuresRed,
            portfolio.Model.Measures.Select(m => $"{m.Id} {m.Name}: delivery {m.Implementation.Status}, value {m.Potential.Status}"
                + (m.Implementation.Reasons.Concat(m.Potential.Reasons).OrderBy(r => Severity(r.Level)).FirstOrDefault() is { } reason ? " — " + reason.Text : "")).ToList(),
            outFolder,
            report.Files,
            report.PdfProblem,
            written);
    }

    /// <summary>Red first: the summary names the reason that matters most.</summary>
    private static int Severity(string level) => level switch { "red" => 0, "amber" => 1, _ => 2 };

    private static void Print(IAnsiConsole console, DemoResult r)
    {
        console.MarkupLine("[bold]StrategyLayer demo[/]");
        foreach (var s in r.Sources)
        {
            console.MarkupLine($"  {Markup.Escape(s.Source)}: {s.Items:N0} items");
        }

        console.MarkupLine($"Period [bold]{r.Report.Period}[/] ({r.Report.State}, figures as of {r.Report.AsOf:yyyy-MM-dd HH:mm} UTC)");
        console.MarkupLine("  " + ReportLines.Coverage(r.Report));
        console.MarkupLine($"  measures: [green]{r.Green} green[/], [yellow]{r.Amber} amber[/], [red]{r.Red} red[/]");
        foreach (var m in r.Attention)
        {
            console.MarkupLine("    " + Markup.Escape(TerminalText.Clean(m)));
        }

        console.MarkupLine($"Packs in [bold]{Markup.Escape(r.Out)}[/]:");
        foreach (var f in r.Files.Where(f => Path.GetFileName(f).StartsWith("portfolio-pack", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("untracked", StringComparison.Ordinal)))
        {
            console.MarkupLine("  " + Markup.Escape(f));
        }

        var leads = r.Files.Where(f => Path.GetFileName(f).StartsWith("delivery-lead", StringComparison.Ordinal)).ToList();
        var formats = string.Join(" and ", leads.Select(f => Path.GetExtension(f).TrimStart('.').ToUpperInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        console.MarkupLine($"  and {leads.Select(Path.GetFileNameWithoutExtension).Distinct(StringComparer.Ordinal).Count()} delivery-lead packs ({formats}), one per team");
        console.MarkupLine($"Config for the next commands: [bold]{Markup.Escape(r.Config)}[/] (the store stays; the sandbox is stopped)");
        console.MarkupLine("Next, in this folder (the same figures, this month): [bold]strategylayer report[/], [bold]strategylayer status[/], [bold]strategylayer items --untracked[/], [bold]strategylayer explain jira:WEB-3[/],");
        console.MarkupLine($"  [bold]strategylayer serve[/] (the web view the packs link to, {DemoFolder.WebViewUrl}); [bold]strategylayer sandbox[/] then [bold]strategylayer sync[/] to sync again");
    }
}

internal sealed record DemoSource(string Source, int Items);

/// <summary>What the demo did; its figures are the current period's report document, as every other surface shows them.</summary>
internal sealed record DemoResult(
    IReadOnlyList<DemoSource> Sources,
    IReadOnlyList<SyncReport> Sync,
    MapSummary Map,
    PeriodReport Report,
    int Green,
    int Amber,
    int Red,
    IReadOnlyList<string> Attention,
    string Out,
    IReadOnlyList<string> Files,
    string? PdfProblem,
    string Config);
