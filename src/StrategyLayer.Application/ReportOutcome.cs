using StrategyLayer.Reporting;

namespace StrategyLayer.Application;

/// <summary>
/// What a report run wrote: the period's report document (with the files written), the packs, and
/// <see cref="PdfProblem"/> when the PDF could not be printed.
/// </summary>
public sealed record ReportOutcome(PeriodReport Report, IReadOnlyList<WrittenPack> Packs, string? PdfProblem)
{
    public string Period => Report.Period;

    public IReadOnlyList<string> Files => Report.Files ?? [];
}
