using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Mapping;

namespace StrategyLayer.Cli.Commands;

/// <summary><c>map [--full]</c>: apply pins and rules to the stored items; only changed mappings are written.</summary>
public static class MapCommand
{
    private static readonly Option<bool> FullOption = new("--full") { Description = "Re-evaluate every item, not only those changed since the last map" };

    public static Command Create() => Verb.Create("map", "(Re)apply pins and rules to the stored items", RunAsync, FullOption);

    private static Task<int> RunAsync(Session session, ParseResult parse, CancellationToken ct)
    {
        var summary = Run(session, parse.GetValue(FullOption), ct);
        session.Output(summary, console => Print(console, summary));
        return Task.FromResult(ExitCodes.Success);
    }

    public static MapSummary Run(Session session, bool full, CancellationToken ct) =>
        RunScope.Record(session, "map", () => Map(session, full, ct), Pipeline.MapOutcome);

    private static MapSummary Map(Session session, bool full, CancellationToken ct)
    {
        if (!session.ShowProgress)
        {
            return Pipeline.Map(session, full, null, ct);
        }

        MapSummary? summary = null;
        session.ProgressConsole.Status().Start("Mapping…", ctx =>
            summary = Pipeline.Map(session, full, new Progress<int>(n => ctx.Status($"Mapping: {n:N0} items")), ct));
        return summary!;
    }

    private static void Print(IAnsiConsole console, MapSummary s)
    {
        console.MarkupLine($"{s.Items:N0} items: [green]{s.Mapped:N0} mapped[/], [yellow]{s.Untracked:N0} untracked[/] ({s.Writes:N0} mappings written)");
        var table = new Table().AddColumns("rule", "items");
        foreach (var (rule, count) in s.ByRule.OrderByDescending(r => r.Value))
        {
            table.AddRow(Markup.Escape(rule), count.ToString("N0"));
        }

        console.Write(table);
    }
}
