using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Reporting.Pdf;

/// <summary>
/// Chromium is missing or would not start, so no PDF could be printed. The HTML was written
/// already; the CLI reports this as partial success (exit 3) with <see cref="InstallCommand"/>.
/// </summary>
public sealed class PdfUnavailableException : StrategyLayerException
{
    public const string InstallCommand = "sudo apt-get install chromium";

    public PdfUnavailableException(string reason, string? executablePath, Exception? inner = null)
        : base($"PDF unavailable: {reason} Install Debian's chromium with `{InstallCommand}`, or set STRATEGYLAYER_CHROMIUM to a Chromium binary.", ErrorKind.Runtime, executablePath, inner)
    {
        ExecutablePath = executablePath;
    }

    public string? ExecutablePath { get; }
}
