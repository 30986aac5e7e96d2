using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Store;

namespace StrategyLayer.Cli.Commands;

/// <summary>
/// <c>store copy --to STORE</c>: everything the store holds (the config's, or <c>--store</c>) copied
/// into another, empty one, typically a LiteDB file into a PostgreSQL database
/// (<c>--to postgresql://…</c>). The counts of both are printed side by side afterwards.
/// </summary>
internal static class StoreCommand
{
    private static readonly Option<string> ToOption = new("--to")
    {
        Description = "The store to copy into: a postgresql:// URI or a file path; it must be empty",
        Required = true,
    };

    public static Command Create(TimeProvider time)
    {
        var store = new Command("store", "Work on the store itself");
        store.Subcommands.Add(Verb.Create("copy", "Copy everything the store holds into another, empty store (e.g. --to postgresql://…)", time, CopyAsync, ToOption));
        return store;
    }

    private static async Task<int> CopyAsync(Invocation invocation, ParseResult parse, CancellationToken ct)
    {
        var target = parse.GetValue(ToOption)!;
        var from = await invocation.StoreAsync(ct).ConfigureAwait(false);
        await using var to = await invocation.OpenOtherStoreAsync(target, ct).ConfigureAwait(false);
        var progress = new Progress<string>(line =>
        {
            if (!invocation.JsonOutput && !invocation.Quiet)
            {
                invocation.ProgressConsole.MarkupLine("[grey]" + Markup.Escape(line) + "[/]");
            }
        });

        var report = await StoreCopy.CopyAsync(from, to, progress, ct).ConfigureAwait(false);
        var sources = new List<StoreCopySource>();
        foreach (var cursor in (await from.CursorsAsync(ct).ConfigureAwait(false)).Select(c => c.Source).Distinct(StringComparer.Ordinal))
        {
            sources.Add(new StoreCopySource(
                cursor,
                await from.CountItemsAsync(cursor, true, ct).ConfigureAwait(false),
                await to.CountItemsAsync(cursor, true, ct).ConfigureAwait(false)));
        }

        var result = new StoreCopyResult(from.Description, to.Description, report, sources);
        invocation.Output(result, console => Print(console, result));
        return sources.All(s => s.From == s.To) ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static void Print(IAnsiConsole console, StoreCopyResult result)
    {
        console.MarkupLine($"Copied [bold]{Markup.Escape(result.From)}[/] into [bold]{Markup.Escape(result.To)}[/]");
        var table = new Table().AddColumns("source", "items before", "items after");
        foreach (var s in result.Sources)
        {
            table.AddRow(Markup.Escape(s.Source), s.From.ToString("N0"), s.To.ToString("N0"));
        }

        console.Write(table);
        var r = result.Copied;
        console.MarkupLine($"{r.Items:N0} items, {r.Quarantined:N0} quarantined, {r.Cursors:N0} cursors, {r.Mappings:N0} mappings, {r.Snapshots:N0} snapshots, {r.Runs:N0} runs, {r.Deliveries:N0} deliveries, {r.Values:N0} named values");
        console.MarkupLine("Next: point [bold]store[/] in the config at the new store.");
    }
}

internal sealed record StoreCopyResult(string From, string To, StoreCopyReport Copied, IReadOnlyList<StoreCopySource> Sources);

internal sealed record StoreCopySource(string Source, int From, int To);
