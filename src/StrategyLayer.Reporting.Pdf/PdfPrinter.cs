using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace StrategyLayer.Reporting.Pdf;

/// <summary>
/// Prints rendered packs to PDF with headless Chromium (Debian's, via Playwright's
/// ExecutablePath). One browser per printer, started on the first print and reused; each pack
/// prints in its own context with JavaScript off and the network offline, so a pack can neither
/// run script nor fetch anything while it prints.
/// </summary>
public sealed class PdfPrinter(PdfPrinterOptions? options = null, ILogger<PdfPrinter>? log = null) : IAsyncDisposable
{
    private readonly PdfPrinterOptions options = options ?? PdfPrinterOptions.Default;
    private readonly ILogger log = log ?? NullLogger<PdfPrinter>.Instance;
    private readonly SemaphoreSlim gate = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Prints <paramref name="htmlPath"/> to <paramref name="pdfPath"/> at 100 % (A4, landscape where the pack's CSS says so, backgrounds, header and page numbers).</summary>
    /// <exception cref="PdfUnavailableException">Chromium is missing or does not start.</exception>
    public async Task<string> PrintAsync(string htmlPath, string pdfPath, PdfPageLabels labels, CancellationToken cancellationToken)
    {
        var started = await BrowserAsync(cancellationToken).ConfigureAwait(false);
        await using var context = await started.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false,
            Offline = true,
        }).ConfigureAwait(false);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        page.SetDefaultTimeout(options.TimeoutMs);
        cancellationToken.ThrowIfCancellationRequested();
        await page.GotoAsync(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load }).ConfigureAwait(false);
        var folder = Path.GetDirectoryName(Path.GetFullPath(pdfPath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        cancellationToken.ThrowIfCancellationRequested();
        await page.PdfAsync(new PagePdfOptions
        {
            Path = pdfPath,
            Format = "A4",
            PrintBackground = true,
            PreferCSSPageSize = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = Header(labels),
            FooterTemplate = Footer(labels),
            // 100 %: the packs' CSS keeps every box within the page, so Chromium never shrinks a
            // pack to fit (a wide table used to print the whole pack at about 66 %). The margins
            // are the CSS @page ones, which win for the page size and orientation (a section of
            // class "wide" prints landscape).
            Scale = 1,
            Margin = new Margin { Top = "16mm", Bottom = "14mm", Left = "12mm", Right = "12mm" },
        }).ConfigureAwait(false);
        log.LogInformation("Printed {Html} to {Pdf}", htmlPath, pdfPath);
        return pdfPath;
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync().ConfigureAwait(false);
            browser = null;
        }

        playwright?.Dispose();
        playwright = null;
        gate.Dispose();
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (browser is { IsConnected: true })
            {
                return browser;
            }

            if (!File.Exists(options.ExecutablePath))
            {
                throw new PdfUnavailableException($"no Chromium at {options.ExecutablePath}.", options.ExecutablePath);
            }

            try
            {
                playwright ??= await Playwright.CreateAsync().ConfigureAwait(false);
                browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = options.ExecutablePath,
                    Headless = true,
                    Args = options.Args,
                    Timeout = options.TimeoutMs,
                }).ConfigureAwait(false);
                log.LogInformation("Chromium {Version} started from {Path}", browser.Version, options.ExecutablePath);
                return browser;
            }
            catch (PlaywrightException e)
            {
                throw new PdfUnavailableException($"Chromium at {options.ExecutablePath} did not start ({FirstLine(e.Message)}).", options.ExecutablePath, e);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    // Chromium fills elements of these classes in the header and footer templates; 8 pt, like the
    // smallest type of a pack, so the running lines stay readable on paper.
    private const string Running = "<div style=\"font-family:'DejaVu Sans',Arial,sans-serif;font-size:8pt;width:100%;margin:0 12mm;color:#444;display:flex;justify-content:space-between;\">";

    private static string Header(PdfPageLabels labels) =>
        Running
        + "<span>" + WebUtility.HtmlEncode(labels.Title) + "</span><span>Period " + WebUtility.HtmlEncode(labels.Period) + "</span></div>";

    private static string Footer(PdfPageLabels labels) =>
        Running
        + "<span>" + WebUtility.HtmlEncode(labels.Period) + "</span>"
        + "<span>Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span></div>";

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
