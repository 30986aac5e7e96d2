using StrategyLayer.Reporting.Tests.Support;

namespace StrategyLayer.Reporting.Tests;

public sealed class PackWriterTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private PackWriter Writer() => new(DemoPortfolio.Builder(DemoPortfolio.Store()), new PackRenderer(RepoPaths.Templates));

    [Fact]
    public async Task With_no_template_it_writes_the_portfolio_pack_the_untracked_report_and_one_delivery_lead_pack_per_team()
    {
        var packs = await Writer().WriteAsync(new PackRequest(DemoPortfolio.November, temp.Path, DemoPortfolio.AsOf), CancellationToken.None);

        Assert.Equal(
            ["portfolio-pack-2026-11.html", "untracked-2026-11.html", "delivery-lead-CLOUD-2026-11.html", "delivery-lead-DATA-2026-11.html",
             "delivery-lead-OPS-2026-11.html", "delivery-lead-PAY-2026-11.html", "delivery-lead-Service_Desk-2026-11.html"],
            packs.Select(p => Path.GetFileName(p.HtmlPath)));
        Assert.All(packs, p => Assert.True(File.Exists(p.HtmlPath)));
        Assert.Equal(Path.Combine(temp.Path, "portfolio-pack-2026-11.pdf"), packs[0].PdfPath);
    }

    [Fact]
    public async Task One_template_for_one_team_writes_only_that_pack()
    {
        var packs = await Writer().WriteAsync(new PackRequest(DemoPortfolio.November, temp.Path, DemoPortfolio.AsOf, "delivery-lead", "Service Desk"), CancellationToken.None);

        var pack = Assert.Single(packs);
        Assert.Equal("delivery-lead-Service_Desk-2026-11.html", Path.GetFileName(pack.HtmlPath));
        Assert.Equal(["INC0010001", "INC0010002"], pack.Model.Items.Select(i => i.Key));
    }
}
