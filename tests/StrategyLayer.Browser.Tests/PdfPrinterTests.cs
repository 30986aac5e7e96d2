using StrategyLayer.Browser.Tests.Support;
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
    public async Task Page_one_is_a_complete_executive_summary_printed_at_full_size_on_portrait_a4_and_the_tables_after_it_on_landscape()
    {
        var pdf = Path.Combine(fixture.Packs.Folder, "portfolio-pack-exec-2026-11.pdf");

        await fixture.Printer.PrintAsync(fixture.Packs.Html["portfolio-pack"], pdf, new PdfPageLabels("Acme Bank — portfolio pack", "2026-11"), CancellationToken.None);

        using var document = PdfDocument.Open(pdf);
        var first = document.GetPage(1);
        var text = Words(first);
        Assert.Equal((595, 842), ((int)Math.Round(first.Width), (int)Math.Round(first.Height)));
        foreach (var expected in new[] { "coverage", "untracked", "decisions needed", "Every measure in one line", "Decisions needed", "Data freshness" }
            .Concat(fixture.Packs.Portfolio.Measures.Select(m => m.Id))
            .Concat(fixture.Packs.Portfolio.Decisions.Select(d => d.Title)))
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        // 100 %: the title prints at the 17 pt of the CSS (a pack shrunk to fit prints it at about 11 pt).
        var title = first.Letters.Where(l => l.Value == "A").Max(l => l.PointSize);
        Assert.InRange(title, 16.8, 17.2);

        // Not half empty: the summary runs into the lower half of the page (above the footer's margin).
        var lowest = first.Letters.Where(l => l.StartBaseLine.Y > 50).Min(l => l.StartBaseLine.Y);
        Assert.True(lowest < first.Height / 2, $"page 1 ends at {lowest:0} pt of {first.Height:0}");
        var second = document.GetPage(2);
        Assert.True(second.Width > second.Height, "the strategy tree and the tables after it print landscape");
    }

    public static TheoryData<string> Packs => ["portfolio-pack", "delivery-lead", "delivery-lead-OPS", "untracked"];

    [Theory]
    [MemberData(nameof(Packs))]
    public async Task Every_page_prints_every_word_of_the_html_inside_the_page_at_8_pt_or_more(string pack)
    {
        var pdf = Path.Combine(fixture.Packs.Folder, "words-" + pack + ".pdf");

        await fixture.Printer.PrintAsync(fixture.Packs.Html[pack], pdf, new PdfPageLabels(pack, "2026-11"), CancellationToken.None);

        var printed = PrintedPack.Read(fixture.Packs.Html[pack], pdf);
        Assert.True(printed.Missing.Count + printed.Small.Count + printed.Outside.Count == 0, string.Join("\n", printed.Problems));
        Assert.InRange(printed.BodyPointSize, 8.4, 9.6);
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
        Assert.Matches(@"Page 1 of \d+$", leadText);
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
