using StrategyLayer.Reporting;

namespace StrategyLayer.Cli.Output;

/// <summary>The lines every console summary of a period prints (<c>report</c>, <c>run</c>, <c>demo</c>), from the report document.</summary>
internal static class ReportLines
{
    /// <summary>The coverage line every console summary prints, from the report document.</summary>
    public static string Coverage(PeriodReport r) =>
        $"coverage: mapped {r.Coverage.Mapped:N0}, [yellow]untracked {r.Coverage.Untracked:N0}[/] of {r.Coverage.InScope:N0} in scope ({100 * r.Coverage.UntrackedShare:0.#}% untracked); {r.Coverage.OutOfScope:N0} out of scope, counted apart";

    /// <summary>How many measures are at this colour, by their worse status (as the pack's tiles count them).</summary>
    public static int Count(PeriodReport r, string colour) =>
        r.Statuses.Count(s => Worst(s.Implementation, s.Potential) == colour);

    private static string Worst(string a, string b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(string status) => status switch { "red" => 3, "amber" => 2, "green" => 1, _ => 0 };
}
