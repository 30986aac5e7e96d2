using StrategyLayer.Reporting.Model;

namespace StrategyLayer.Reporting;

/// <summary>One pack written as HTML: print <see cref="HtmlPath"/> to PDF beside it with <see cref="PdfPath"/>.</summary>
public sealed record WrittenPack(string Template, string? Team, string Period, string HtmlPath, string Title, ReportModel Model)
{
    public string PdfPath => Path.ChangeExtension(HtmlPath, ".pdf");
}
