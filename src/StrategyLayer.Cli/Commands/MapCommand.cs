using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Cli.Output;
using StrategyLayer.Mapping;

namespace StrategyLayer.Cli.Commands;

/// <summary><c>map [--full]</c>: apply pins and rules to the stored items; only changed mappings are written.</summary>
internal static class MapCommand
{
    private static readonly Option<bool> FullOption = new("--full") { Description = "Re-evaluate every item, not only those changed since the last map" };

    public static Command Create(TimeProvider time) => Verb.Create("map", "(Re)apply pins and rules to the stored items", time, RunAsync, FullOption);

    private static async Task<int> RunAsync(Invocation invocation, ParseResult parse, CancellationToken ct)
    {
        var summary = await invocation.App.Map.RunAsync(parse.GetValue(FullOption), ct).ConfigureAwait(false);
        invocation.Output(summary, console => Print(console, summary));
        return ExitCodes.Success;
    }

    private static void Print(IAnsiConsole console, MapSummary s)
    {
        console.MarkupLine($"{s.Items:N0} items: [green]{s.Mapped:N0} mapped[/], [yellow]{s.Untracked:N0} untracked[/] of {s.InScope:N0} in scope; {s.OutOfScope:N0} out of scope, counted apart ({s.Writes:N0} mappings written)");
        var table = new Table().AddColumns("rule", "items");
        foreach (var (rule, count) in s.ByRule.OrderByDescending(r => r.Value))
        {
            table.AddRow(Markup.Escape(TerminalText.Cell(rule)), count.ToString("N0"));
        }

        console.Write(table);
    }
}
