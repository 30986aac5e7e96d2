using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using StrategyLayer.Application;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Cli.Output;
using StrategyLayer.Mapping;

namespace StrategyLayer.Cli.Commands;

/// <summary>
/// <c>items [--untracked] [--measure ID] [--team NAME] [--query "…"] [--format table|tsv]</c>: stored
/// items with their mapping. While <c>serve</c> or <c>schedule</c> holds the store, it asks that process.
/// </summary>
internal static class ItemsCommand
{
    private static readonly Option<bool> UntrackedOption = new("--untracked") { Description = "Only in-scope items nothing maps" };
    private static readonly Option<string?> MeasureOption = new("--measure") { Description = "Only items mapped to this measure" };
    private static readonly Option<string?> TeamOption = new("--team") { Description = "Only this team's items" };
    private static readonly Option<string?> QueryOption = new("--query") { Description = "A filter in the rule language, e.g. \"status != Done and labels in (pci)\"" };
    private static readonly Option<string> FormatOption = new("--format") { Description = "table (default) or tsv: tab-separated, a header line, one item a line", DefaultValueFactory = _ => "table" };

    static ItemsCommand() => FormatOption.AcceptOnlyFromAmong("table", "tsv");

    public static Command Create(TimeProvider time) => Verb.Create("items", "List stored items with their mapping", time, RunAsync, UntrackedOption, MeasureOption, TeamOption, QueryOption, FormatOption);

    private static async Task<int> RunAsync(Invocation invocation, ParseResult parse, CancellationToken ct)
    {
        var (untracked, measure, team, text) = (parse.GetValue(UntrackedOption), parse.GetValue(MeasureOption), parse.GetValue(TeamOption), parse.GetValue(QueryOption));
        using var reader = await invocation.ReaderAsync(ct).ConfigureAwait(false);
        if (reader is not null)
        {
            var path = "items?untracked=" + (untracked ? "true" : "false")
                + (measure is null ? "" : "&measure=" + Uri.EscapeDataString(measure))
                + (team is null ? "" : "&team=" + Uri.EscapeDataString(team))
                + (text is null ? "" : "&query=" + Uri.EscapeDataString(text));
            await using var body = await reader.GetAsync(path, ct).ConfigureAwait(false);
            if (invocation.JsonOutput)
            {
                // The holder wrote it with the same serializer: passed on as it came.
                await using var stdout = Console.OpenStandardOutput();
                await body.CopyToAsync(stdout, ct).ConfigureAwait(false);
                stdout.WriteByte((byte)'\n');
            }
            else if (!invocation.Quiet)
            {
                var items = JsonSerializer.DeserializeAsyncEnumerable<ItemView>(body, Json.Options, ct).OfType<ItemView>();
                await PrintAsync(invocation, items, parse.GetValue(FormatOption)!).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }

        var listing = await invocation.App.Reads.ItemsAsync(ItemFilter.Listing(untracked, measure, team, text), ct).ConfigureAwait(false);
        if (invocation.JsonOutput)
        {
            // Streamed one item at a time: memory stays flat however many items there are.
            await using var stdout = Console.OpenStandardOutput();
            await using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = Json.Options.Encoder });
            writer.WriteStartArray();
            await foreach (var item in listing.ConfigureAwait(false))
            {
                JsonSerializer.Serialize(writer, item, Json.Options);
            }

            writer.WriteEndArray();
            await writer.FlushAsync(ct).ConfigureAwait(false);
            stdout.WriteByte((byte)'\n');
        }
        else if (!invocation.Quiet)
        {
            await PrintAsync(invocation, listing, parse.GetValue(FormatOption)!).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static async Task PrintAsync(Invocation invocation, IAsyncEnumerable<ItemView> items, string format)
    {
        if (format == "tsv")
        {
            var output = Console.Out;
            output.WriteLine("id\tstatus\tteam\tmeasure\tdecided by\ttitle");
            await foreach (var item in items.ConfigureAwait(false))
            {
                string[] fields = [item.Id, item.Status, item.Team ?? "", item.Untracked ? "untracked" : item.Measure ?? "-", Decided(item), item.Title];
                output.WriteLine(string.Join('\t', fields.Select(TerminalText.Cell)));
            }

            return;
        }

        var table = new Table().AddColumns("id", "status", "team", "measure", "decided by", "title");
        var count = 0;
        var piped = Console.IsOutputRedirected;
        await foreach (var item in items.ConfigureAwait(false))
        {
            count++;
            var title = TerminalText.Cell(item.Title);
            table.AddRow(
                Markup.Escape(TerminalText.Cell(item.Id)),
                Markup.Escape(TerminalText.Cell(item.Status)),
                Markup.Escape(TerminalText.Cell(item.Team ?? "")),
                item.Untracked ? "[yellow]untracked[/]" : Markup.Escape(TerminalText.Cell(item.Measure ?? "-")),
                Markup.Escape(TerminalText.Cell(Decided(item))),
                Markup.Escape(piped || title.Length <= 60 ? title : title[..57] + "…"));
        }

        invocation.Terminal.Write(table);
        invocation.Terminal.MarkupLine($"{count:N0} items");
    }

    private static string Decided(ItemView item) => item.DecidedBy.Kind + (item.DecidedBy.Rule is null ? "" : " " + item.DecidedBy.Rule);
}
