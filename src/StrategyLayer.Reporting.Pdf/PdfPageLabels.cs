namespace StrategyLayer.Reporting.Pdf;

/// <summary>What the PDF's running header says on every page (the footer gives page N of M).</summary>
public sealed record PdfPageLabels(string Title, string Period);
