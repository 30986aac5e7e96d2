using StrategyLayer.Browser.Tests.Support;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>The demo's packs as printed, and its delivery leads' view of the OPS blocker.</summary>
public abstract partial class DemoEndToEndTests<TRun>
{
    [Fact]
    public void Every_page_of_every_demo_pdf_prints_every_word_of_its_html_inside_the_page_at_8_pt_or_more()
    {
        var pdfs = Directory.GetFiles(demo.Out, "*-" + Period + ".pdf").Order(StringComparer.Ordinal).ToList();
        Assert.Contains(pdfs, p => Path.GetFileName(p) == "portfolio-pack-" + Period + ".pdf");
        Assert.Contains(pdfs, p => Path.GetFileName(p) == "untracked-" + Period + ".pdf");
        Assert.Equal(Directory.GetFiles(demo.Out, "delivery-lead-*-" + Period + ".html").Length, pdfs.Count(p => Path.GetFileName(p).StartsWith("delivery-lead-", StringComparison.Ordinal)));

        var problems = new List<string>();
        foreach (var pdf in pdfs)
        {
            var printed = PrintedPack.Read(Path.ChangeExtension(pdf, ".html"), pdf);
            problems.AddRange(printed.Problems);
            if (printed.Pages == 0)
            {
                problems.Add(printed.Name + ": no pages");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
    }

    [Fact]
    public void The_ops_delivery_lead_pack_names_the_pay_measure_that_ops_4_holds_up_and_its_owner()
    {
        var ops = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(demo.Out, "delivery-lead-OPS-" + Period + ".html")));

        var rows = ops.QuerySelectorAll("section.you-are-blocking tbody tr").Select(Text).ToList();
        var row = rows.FirstOrDefault(r => r.Contains("OPS-4 ", StringComparison.Ordinal));
        Assert.True(row is not null, string.Join("\n", rows));
        Assert.Contains("PAY", row, StringComparison.Ordinal);
        Assert.Contains("Card data tokenized (M-PCI-TOKEN)", row, StringComparison.Ordinal);
        Assert.Contains("Business owner: Ana Ferreira · Technical owner: Miguel Rocha", row, StringComparison.Ordinal);

        // The PAY pack shows the same dependency from the other side.
        var pay = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(demo.Out, "delivery-lead-PAY-" + Period + ".html")));
        Assert.Contains(pay.QuerySelectorAll("section.blocked-by-others tbody tr").Select(Text), r => r.Contains("OPS-4 ", StringComparison.Ordinal) && r.Contains("M-PCI-TOKEN", StringComparison.Ordinal));
        Assert.Contains(pay.QuerySelectorAll("section.team-measures tbody tr").Select(Text), r => r.Contains("M-PCI-TOKEN", StringComparison.Ordinal));
    }
}
