using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using StrategyLayer.Application;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Cli.Output;
using StrategyLayer.Reporting.Model;

namespace StrategyLayer.Cli.Commands;

/// <summary>
/// <c>report [--period …] [--template …] [--team …] [--format html|pdf|both] [--out DIR]</c>: packs
/// for a period; exit 3 when the PDF could not be printed (the HTML is written) or a KPI value could not
/// be used (a bad CSV row); a missing or ambiguous link is data quality, listed, not a reason for exit 3. <c>--json</c> prints the
/// period's report document (the one <c>/api/report</c> returns) with the files written.
/// </summary>
internal static class ReportCommand
{
    private static readonly Option<string?> PeriodOption = new("--period") { Description = "YYYY-MM, YYYY-Qn or YYYY-Www (default: the current month)" };
    private static readonly Option<string?> TemplateOption = new("--template") { Description = "One template (default: portfolio-pack, untracked and one delivery-lead per team)" };
    private static readonly Option<string?> TeamOption = new("--team") { Description = "The team of a delivery-lead pack" };
    public static readonly Option<string> FormatOption = new("--format") { Description = "html, pdf or both", DefaultValueFactory = _ => "both" };
    public static readonly Option<string> OutOption = new("--out") { Description = "Where to write the packs", DefaultValueFactory = _ => "out" };

    static ReportCommand() => FormatOption.AcceptOnlyFromAmong("html", "pdf", "both");

    public static Command Create(TimeProvider time) => Verb.Create("report", "Build packs for a period", time, RunAsync, PeriodOption, TemplateOption, TeamOption, FormatOption, OutOption);

    private static async Task<int> RunAsync(Invocation invocation, ParseResult parse, CancellationToken ct)
    {
        var period = await invocation.App.Strategy.PeriodAsync(parse.GetValue(PeriodOption), ct).ConfigureAwait(false);
        var (template, team) = (parse.GetValue(TemplateOption), parse.GetValue(TeamOption));
        if (template is not null)
        {
            KnownNames.RequireTemplate((await invocation.ConfigAsync(ct).ConfigureAwait(false)).Templates, template);
        }

        if (team is not null)
        {
            await KnownNames.RequireTeamAsync(await invocation.StoreAsync(ct).ConfigureAwait(false), team, ct).ConfigureAwait(false);
        }

        var outcome = await invocation.App.Report.RunAsync(new PackOrder(period, Path.GetFullPath(parse.GetValue(OutOption)!), template, team, parse.GetValue(FormatOption)!), ct).ConfigureAwait(false);
        invocation.Output(Document(outcome), console => Print(console, outcome));
        var partial = false;
        if (outcome.PdfProblem is not null)
        {
            await Console.Error.WriteLineAsync("PDF not printed: " + outcome.PdfProblem).ConfigureAwait(false);
            partial = true;
        }

        // Unresolved links are data quality, not a partial result; an unusable KPI value is.
        foreach (var unusable in outcome.Report.DataQuality.Where(d => d.Kind == DataQualityEntry.UnusableValue))
        {
            await Console.Error.WriteLineAsync(invocation.Mask.Apply(TerminalText.Cell($"KPI value not used: {unusable.File}:{unusable.Line}: {unusable.Problem}"))).ConfigureAwait(false);
            partial = true;
        }

        return partial ? ExitCodes.Partial : ExitCodes.Success;
    }

    /// <summary>The report document with the files written, and <c>pdfProblem</c> (null when the PDF was printed).</summary>
    public static JsonObject Document(ReportOutcome outcome)
    {
        var document = JsonSerializer.SerializeToNode(outcome.Report, Json.Options)!.AsObject();
        document["pdfProblem"] = outcome.PdfProblem;
        return document;
    }

    public static void Print(IAnsiConsole console, ReportOutcome outcome)
    {
        var r = outcome.Report;
        console.MarkupLine($"Packs for [bold]{r.Period}[/] ({r.State}, figures as of {r.AsOf:yyyy-MM-dd HH:mm} UTC): {r.Measures} measures, "
            + $"[green]{ReportLines.Count(r, "green")} green[/], [yellow]{ReportLines.Count(r, "amber")} amber[/], [red]{ReportLines.Count(r, "red")} red[/]");
        console.MarkupLine("  " + ReportLines.Coverage(r));
        if (r.DataQualityTotal > 0)
        {
            console.MarkupLine($"  [yellow]{r.DataQualityTotal:N0} data-quality problem(s)[/] (unresolved links, …): see [bold]report --json[/] or the web view");
        }

        foreach (var file in outcome.Files)
        {
            console.MarkupLine("  " + Markup.Escape(file));
        }
    }
}
