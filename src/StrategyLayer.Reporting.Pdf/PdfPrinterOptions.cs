namespace StrategyLayer.Reporting.Pdf;

/// <summary>How the printer finds and drives Chromium. Browsers are never downloaded.</summary>
public sealed record PdfPrinterOptions
{
    public static readonly PdfPrinterOptions Default = new();

    /// <summary>The Chromium binary: <c>STRATEGYLAYER_CHROMIUM</c> when set, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public string ExecutablePath { get; init; } =
        Environment.GetEnvironmentVariable("STRATEGYLAYER_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public IReadOnlyList<string> Args { get; init; } =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    /// <summary>Milliseconds allowed for launching, loading and printing one pack.</summary>
    public float TimeoutMs { get; init; } = 60_000;
}
