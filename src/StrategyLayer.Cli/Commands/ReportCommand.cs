using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;

namespace StrategyLayer.Cli.Commands;

/// <summary>
/// <c>report [--period …] [--template …] [--team …] [--format html|pdf|both] [--out DIR]</c>: packs
/// for a period; exit 3 when the PDF could not be printed (the HTML is written).
/// </summary>
public static class ReportCommand
{
    private static readonly Option<string?> PeriodOption = new("--period") { Description = "YYYY-MM, YYYY-Qn or YYYY-Www (default: the current month)" };
    private static readonly Option<string?> TemplateOption = new("--template") { Description = "One template (default: portfolio-pack, untracked and one delivery-lead per team)" };
    private static readonly Option<string?> TeamOption = new("--team") { Description = "The team of a delivery-lead pack" };
    public static readonly Option<string> FormatOption = new("--format") { Description = "html, pdf or both", DefaultValueFactory = _ => "both" };
    public static readonly Option<string> OutOption = new("--out") { Description = "Where to write the packs", DefaultValueFactory = _ => "out" };

    static ReportCommand() => FormatOption.AcceptOnlyFromAmong("html", "pdf", "both");

    public static Command Create() => Verb.Create("report", "Build packs for a period", RunAsync, PeriodOption, TemplateOption, TeamOption, FormatOption, OutOption);

    private static async Task<int> RunAsync(Session session, ParseResult parse, CancellationToken ct)
    {
        var period = Pipeline.Period(session, parse.GetValue(PeriodOption));
        var (template, team) = (parse.GetValue(TemplateOption), parse.GetValue(TeamOption));
        if (template is not null)
        {
            KnownNames.RequireTemplate(session.Config.Templates, template);
        }

        if (team is not null)
        {
            await KnownNames.RequireTeamAsync(await session.StoreAsync(ct).ConfigureAwait(false), team, ct).ConfigureAwait(false);
        }

        var outcome = await Pipeline.ReportAsync(session, period, Path.GetFullPath(parse.GetValue(OutOption)!), template, team, parse.GetValue(FormatOption)!, null, ct).ConfigureAwait(false);
        session.Output(new { period = outcome.Period, files = outcome.Files, measures = outcome.Measures, untracked = outcome.Untracked, pdfProblem = outcome.PdfProblem }, console => Print(console, outcome));
        if (outcome.PdfProblem is not null)
        {
            await Console.Error.WriteLineAsync("PDF not printed: " + outcome.PdfProblem).ConfigureAwait(false);
            return ExitCodes.Partial;
        }

        return ExitCodes.Success;
    }

    public static void Print(IAnsiConsole console, ReportOutcome outcome)
    {
        console.MarkupLine($"Packs for [bold]{outcome.Period}[/]: {outcome.Measures} measures, {outcome.Untracked:N0} untracked items");
        foreach (var file in outcome.Files)
        {
            console.MarkupLine("  " + Markup.Escape(file));
        }
    }
}
