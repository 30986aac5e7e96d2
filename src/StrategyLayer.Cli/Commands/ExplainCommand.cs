using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Mapping;

namespace StrategyLayer.Cli.Commands;

/// <summary><c>explain ITEM</c>: every rule in order, whether it matched, the winner, the inherited path, the fields the rules saw.</summary>
public static class ExplainCommand
{
    private static readonly Argument<string> ItemArgument = new("ITEM") { Description = "SOURCE:KEY, or a bare key when unambiguous" };

    public static Command Create() => Verb.Create("explain", "Why an item maps where it does", RunAsync, ItemArgument);

    private static async Task<int> RunAsync(Session session, ParseResult parse, CancellationToken ct)
    {
        var id = parse.GetValue(ItemArgument)!;
        var engine = Pipeline.LoadMapping(session).Engine(session.Time.GetUtcNow());
        var view = await Explainer.ExplainAsync(await session.StoreAsync(ct).ConfigureAwait(false), engine, id, ct).ConfigureAwait(false)
            ?? throw new StrategyLayerException($"no stored item '{id}': run `strategylayer items` to list them", ErrorKind.Runtime, id);
        session.Output(view, console => Print(console, view));
        return ExitCodes.Success;
    }

    private static void Print(IAnsiConsole console, ExplainView view)
    {
        console.MarkupLine($"[bold]{Markup.Escape(view.Id)}[/] {Markup.Escape(view.Title)}");
        console.MarkupLine(view.Measure is null
            ? $"[yellow]{(view.Untracked ? "untracked" : "not mapped")}[/]: {Markup.Escape(view.Reason)}"
            : $"maps to [green]{Markup.Escape(view.Measure)}[/]: {Markup.Escape(view.Reason)}");
        var table = new Table().AddColumns("rule", "measure", "matched", "first failed clause (value seen)");
        foreach (var c in view.Candidates)
        {
            table.AddRow(Markup.Escape(c.Rule), Markup.Escape(c.Measure), c.Matched ? "[green]yes[/]" : "no", Markup.Escape(c.FailedAt?.ToString() ?? ""));
        }

        console.Write(table);
        foreach (var a in view.Ancestors)
        {
            console.MarkupLine(Markup.Escape($"  {a.Relation} {a.Id}: {(a.Found ? a.Measure ?? "no mapping" : "not stored")} {a.DecidedBy}"));
        }

        var fields = new Table().AddColumns("field the rules saw", "value");
        foreach (var (name, value) in view.Fields)
        {
            fields.AddRow(Markup.Escape(name), Markup.Escape(value switch { null => "", IEnumerable<string> list => "[" + string.Join(", ", list) + "]", _ => value.ToString() ?? "" }));
        }

        console.Write(fields);
    }
}
