using StrategyLayer.Reporting.Pdf;
using UglyToad.PdfPig;

namespace StrategyLayer.Browser.Tests;

/// <summary>One printer (so one Chromium) for the class, reused for every PDF.</summary>
public sealed class PrinterFixture : IAsyncLifetime
{
    public PdfPrinter Printer { get; } = new();

    internal PackFiles Packs { get; private set; } = null!;

    public async Task InitializeAsync() => Packs = await PackFiles.RenderAsync();

    public async Task DisposeAsync()
    {
        await Printer.DisposeAsync();
        Packs.Dispose();
    }
}

public sealed class PdfPrinterTests(PrinterFixture fixture) : IClassFixture<PrinterFixture>
{
    [Fact]
    public async Task The_portfolio_pack_prints_with_the_executive_page_first_and_period_and_page_numbers_on_every_page()
    {
        var pdf = Path.Combine(fixture.Packs.Folder, "portfolio-pack-2026-11.pdf");

        await fixture.Printer.PrintAsync(fixture.Packs.Html["portfolio-pack"], pdf, new PdfPageLabels("Acme Bank — portfolio pack", "2026-11"), CancellationToken.None);

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(Words).ToList();
        Assert.True(pages.Count >= 2, $"{pages.Count} pages");
        Assert.Contains("Executive summary", pages[0], StringComparison.Ordinal);
        Assert.Contains("Decisions needed", pages[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Strategy tree", pages[0], StringComparison.Ordinal);
        Assert.Contains("Strategy tree", pages[1], StringComparison.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains("Period 2026-11", pages[i], StringComparison.Ordinal);
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task One_printer_prints_several_packs_and_hostile_titles_print_as_text()
    {
        var first = Path.Combine(fixture.Packs.Folder, "untracked-2026-11.pdf");
        var second = Path.Combine(fixture.Packs.Folder, "delivery-lead-DATA-2026-11.pdf");

        await fixture.Printer.PrintAsync(fixture.Packs.Html["untracked"], first, new PdfPageLabels("Untracked work", "2026-11"), CancellationToken.None);
        await fixture.Printer.PrintAsync(fixture.Packs.Html["delivery-lead"], second, new PdfPageLabels("DATA delivery lead", "2026-11"), CancellationToken.None);

        using var untracked = PdfDocument.Open(first);
        var text = string.Join("\n", untracked.GetPages().Select(Words));
        Assert.Contains("<script>alert('x')</script>", text, StringComparison.Ordinal);
        Assert.Contains("Every untracked item", text, StringComparison.Ordinal);
        using var lead = PdfDocument.Open(second);
        var leadText = Words(lead.GetPage(1));
        Assert.Contains("Items, untracked", leadText, StringComparison.Ordinal); // "first" prints with an fi ligature
        Assert.Contains("DATA-2 <script>alert('x')</script>", leadText, StringComparison.Ordinal);
        Assert.EndsWith("Page 1 of 1", leadText, StringComparison.Ordinal);
    }

    // Page.Text runs words together; words joined by spaces read like the page.
    private static string Words(UglyToad.PdfPig.Content.Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    [Fact]
    public async Task A_missing_chromium_is_a_typed_error_that_gives_the_install_command()
    {
        await using var printer = new PdfPrinter(PdfPrinterOptions.Default with { ExecutablePath = "/nonexistent/chromium" });

        var e = await Assert.ThrowsAsync<PdfUnavailableException>(() =>
            printer.PrintAsync(fixture.Packs.Html["untracked"], Path.Combine(fixture.Packs.Folder, "x.pdf"), new PdfPageLabels("x", "2026-11"), CancellationToken.None));

        Assert.Contains("sudo apt-get install chromium", e.Message, StringComparison.Ordinal);
        Assert.Equal("/nonexistent/chromium", e.ExecutablePath);
        Assert.False(File.Exists(Path.Combine(fixture.Packs.Folder, "x.pdf")));
    }
}
