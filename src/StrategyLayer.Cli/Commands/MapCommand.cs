using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Cli.Output;
using StrategyLayer.Cli.Progress;
using StrategyLayer.Mapping;

namespace StrategyLayer.Cli.Commands;

/// <summary><c>map [--full]</c>: apply pins and rules to the stored items; only changed mappings are written.</summary>
public static class MapCommand
{
    private static readonly Option<bool> FullOption = new("--full") { Description = "Re-evaluate every item, not only those changed since the last map" };

    public static Command Create() => Verb.Create("map", "(Re)apply pins and rules to the stored items", RunAsync, FullOption);

    private static async Task<int> RunAsync(Session session, ParseResult parse, CancellationToken ct)
    {
        var summary = await RunAsync(session, parse.GetValue(FullOption), ct).ConfigureAwait(false);
        session.Output(summary, console => Print(console, summary));
        return ExitCodes.Success;
    }

    public static async Task<MapSummary> RunAsync(Session session, bool full, CancellationToken ct, string title = "Mapping items to measures")
    {
        var store = await session.StoreAsync(ct).ConfigureAwait(false);
        var row = session.Progress.Add(title, session.ShowProgress ? await store.CountItemsAsync(null, true, ct).ConfigureAwait(false) : null);
        try
        {
            var summary = await Pipeline.MapAsync(session, full, new Reporter<int>(n => row.Report(n)), ct).ConfigureAwait(false);
            row.Finish();
            return summary;
        }
        catch (Exception)
        {
            row.Finish("failed");
            throw;
        }
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
