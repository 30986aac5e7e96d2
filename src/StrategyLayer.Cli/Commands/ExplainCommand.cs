using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Cli.Output;
using StrategyLayer.Mapping;

namespace StrategyLayer.Cli.Commands;

/// <summary>
/// <c>explain ITEM</c>: every rule in order, whether it matched, the winner, the inherited path, the
/// fields the rules saw. While <c>serve</c> or <c>schedule</c> holds the store, it asks that process.
/// </summary>
internal static class ExplainCommand
{
    private static readonly Argument<string> ItemArgument = new("ITEM") { Description = "SOURCE:KEY, or a bare key when unambiguous" };

    public static Command Create(TimeProvider time) => Verb.Create("explain", "Why an item maps where it does", time, RunAsync, ItemArgument);

    private static async Task<int> RunAsync(Invocation invocation, ParseResult parse, CancellationToken ct)
    {
        var id = parse.GetValue(ItemArgument)!;
        using var reader = await invocation.ReaderAsync(ct).ConfigureAwait(false);
        var view = reader is null ? await invocation.App.Reads.ExplainAsync(id, ct).ConfigureAwait(false) : await reader.GetAsync<ExplainView>("explain?id=" + Uri.EscapeDataString(id), ct).ConfigureAwait(false);
        invocation.Output(view, console => Print(console, view));
        return ExitCodes.Success;
    }

    private static void Print(IAnsiConsole console, ExplainView view)
    {
        console.MarkupLine($"[bold]{Markup.Escape(TerminalText.Cell(view.Id))}[/] {Markup.Escape(TerminalText.Cell(view.Title))}");
        console.MarkupLine(view.Measure is null
            ? $"[yellow]{(view.Untracked ? "untracked" : "not mapped")}[/]: {Markup.Escape(TerminalText.Clean(view.Reason))}"
            : $"maps to [green]{Markup.Escape(TerminalText.Cell(view.Measure))}[/]: {Markup.Escape(TerminalText.Clean(view.Reason))}");
        var table = new Table().AddColumns("rule", "measure", "matched", "first failed clause (value seen)");
        foreach (var c in view.Candidates)
        {
            table.AddRow(Markup.Escape(TerminalText.Cell(c.Rule)), Markup.Escape(TerminalText.Cell(c.Measure)), c.Matched ? "[green]yes[/]" : "no", Markup.Escape(TerminalText.Cell(c.FailedAt?.ToString() ?? "")));
        }

        console.Write(table);
        foreach (var a in view.Ancestors)
        {
            console.MarkupLine(Markup.Escape(TerminalText.Cell($"  {a.Relation} {a.Id}: {(a.Found ? a.Measure ?? "no mapping" : "not stored")} {a.DecidedBy}")));
        }

        var fields = new Table().AddColumns("field the rules saw", "value");
        foreach (var (name, value) in view.Fields)
        {
            fields.AddRow(Markup.Escape(TerminalText.Cell(name)), Markup.Escape(TerminalText.Cell(Text(value))));
        }

        console.Write(fields);
    }

    /// <summary>A field's value as the rules saw it; read back from a holder's answer, values are JSON.</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        IEnumerable<string> list => "[" + string.Join(", ", list) + "]",
        JsonElement { ValueKind: JsonValueKind.Array } array => "[" + string.Join(", ", array.EnumerateArray().Select(e => Text(e))) + "]",
        JsonElement { ValueKind: JsonValueKind.String } text => text.GetString() ?? "",
        JsonElement { ValueKind: JsonValueKind.Null } => "",
        JsonElement other => other.GetRawText(),
        DateTimeOffset at => at.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
        DateTime at => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
