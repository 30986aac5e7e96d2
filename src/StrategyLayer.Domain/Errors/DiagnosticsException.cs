namespace StrategyLayer.Domain.Errors;

/// <summary>Thrown with every problem found, when a file or rule set cannot be used (exit 2).</summary>
public sealed class DiagnosticsException : StrategyLayerException
{
    public DiagnosticsException(IReadOnlyList<Diagnostic> diagnostics)
        : base(Summarize(diagnostics), ErrorKind.Usage, diagnostics.FirstOrDefault()?.File)
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Summarize(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.Count == 1
            ? diagnostics[0].ToString()
            : $"{diagnostics.Count} problems:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", diagnostics);
}
