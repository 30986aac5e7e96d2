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

    private static async Task<int> RunAsync(Invocation invocation, ParseResult parse, CancellationToken ct)
    {
        var only = parse.GetValue(SourceOption);
        IReadOnlyList<SyncReport> reports;
        try
        {
            reports = await invocation.App.Sync.RunAsync(only, parse.GetValue(FullOption), ct).ConfigureAwait(false);
        }
        catch (StrategyLayerException ex) when (invocation.JsonOutput)
        {
            // --json always prints its document; the error line and exit code follow as for any verb.
            invocation.Output(new { sources = Array.Empty<SyncReport>(), error = invocation.Mask.Apply(ex.Message) }, _ => { });
            throw;
        }

        invocation.Output(new { sources = reports }, console => Print(console, reports));
        return await SyncExit.CodeAsync(invocation, reports, ct).ConfigureAwait(false);
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
