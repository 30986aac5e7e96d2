using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Mapping;

namespace StrategyLayer.Cli.Commands;

/// <summary><c>items [--untracked] [--measure ID] [--team NAME] [--query "…"]</c>: stored items with their mapping.</summary>
public static class ItemsCommand
{
    private static readonly Option<bool> UntrackedOption = new("--untracked") { Description = "Only in-scope items nothing maps" };
    private static readonly Option<string?> MeasureOption = new("--measure") { Description = "Only items mapped to this measure" };
    private static readonly Option<string?> TeamOption = new("--team") { Description = "Only this team's items" };
    private static readonly Option<string?> QueryOption = new("--query") { Description = "A filter in the rule language, e.g. \"status != Done and labels in (pci)\"" };

    public static Command Create() => Verb.Create("items", "List stored items with their mapping", RunAsync, UntrackedOption, MeasureOption, TeamOption, QueryOption);

    private static async Task<int> RunAsync(Session session, ParseResult parse, CancellationToken ct)
    {
        var query = new ItemListQuery
        {
            UntrackedOnly = parse.GetValue(UntrackedOption),
            Measure = parse.GetValue(MeasureOption),
            Team = parse.GetValue(TeamOption),
            Query = parse.GetValue(QueryOption),
            AsOf = session.Time.GetUtcNow(),
            CustomFields = session.Config.CustomFields,
        };
        var items = ItemListing.List(await session.StoreAsync(ct).ConfigureAwait(false), query, ct);
        if (session.JsonOutput)
        {
            // Streamed one item at a time: memory stays flat however many items there are.
            await using var stdout = Console.OpenStandardOutput();
            await using var writer = new System.Text.Json.Utf8JsonWriter(stdout, new System.Text.Json.JsonWriterOptions { Indented = true, Encoder = Json.Options.Encoder });
            writer.WriteStartArray();
            await foreach (var item in items.ConfigureAwait(false))
            {
                System.Text.Json.JsonSerializer.Serialize(writer, item, Json.Options);
            }

            writer.WriteEndArray();
            await writer.FlushAsync(ct).ConfigureAwait(false);
            stdout.WriteByte((byte)'\n');
        }
        else if (!session.Quiet)
        {
            var table = new Table().AddColumns("id", "status", "team", "measure", "decided by", "title");
            var count = 0;
            await foreach (var item in items.ConfigureAwait(false))
            {
                count++;
                table.AddRow(
                    Markup.Escape(item.Id),
                    Markup.Escape(item.Status),
                    Markup.Escape(item.Team ?? ""),
                    item.Untracked ? "[yellow]untracked[/]" : Markup.Escape(item.Measure ?? "-"),
                    Markup.Escape(item.DecidedBy.Kind + (item.DecidedBy.Rule is null ? "" : " " + item.DecidedBy.Rule)),
                    Markup.Escape(item.Title.Length > 60 ? item.Title[..57] + "…" : item.Title));
            }

            session.Terminal.Write(table);
            session.Terminal.MarkupLine($"{count:N0} items");
        }

        return ExitCodes.Success;
    }
}
