using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Application;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Cli.Output;

namespace StrategyLayer.Cli.Commands;

/// <summary><c>run</c>: sync, map, report per audience and distribute once, as the scheduler would.</summary>
internal static class RunCommand
{
    public static Command Create(TimeProvider time) => Verb.Create("run", "Sync, map, report and distribute once, as the scheduler would", time, RunAsync);

    private static async Task<int> RunAsync(Invocation invocation, ParseResult parse, CancellationToken ct)
    {
        await TemplateCheck.ThrowIfBrokenAsync(invocation, ct).ConfigureAwait(false);
        var outcome = await invocation.App.RunOnce.RunAsync(ct).ConfigureAwait(false);
        invocation.Output(outcome, console => Print(console, outcome));
        if (outcome.Sync.Count > 0 && outcome.Sync.All(s => s.Failed))
        {
            // Every source failed: the packs were built from what was stored before, and it is a failure.
            return await SyncExit.CodeAsync(invocation, outcome.Sync, ct).ConfigureAwait(false);
        }

        return outcome.Partial ? ExitCodes.Partial : ExitCodes.Success;
    }

    private static void Print(IAnsiConsole console, RunOutcome outcome)
    {
        console.MarkupLine($"Synced {outcome.Sync.Sum(s => s.Upserted):N0} changed items");
        if (outcome.Report is { } r)
        {
            console.MarkupLine($"[bold]{r.Period}[/] ({r.State}, figures as of {r.AsOf:yyyy-MM-dd HH:mm} UTC): "
                + $"[green]{ReportLines.Count(r, "green")} green[/], [yellow]{ReportLines.Count(r, "amber")} amber[/], [red]{ReportLines.Count(r, "red")} red[/] measures");
            console.MarkupLine("  " + ReportLines.Coverage(r));
        }

        foreach (var c in outcome.Channels)
        {
            console.MarkupLine(Markup.Escape(TerminalText.Clean($"  {c.Channel}: {c.Sent} sent, {c.AlreadySent} already sent, {c.Failed} failed")));
        }
    }
}
