using AngleSharp.Html.Parser;
using StrategyLayer.Reporting.Model;
using StrategyLayer.Reporting.Tests.Support;

namespace StrategyLayer.Reporting.Tests;

/// <summary>
/// A delivery lead's pack: the measures the team's work serves, what the team holds up, what holds
/// the team up, then the items. In the fixed portfolio OPS-12 (team OPS) blocks PAY-2 and PAY-3,
/// which serve Card data tokenized (M-PCI-TOKEN, owners Ana Costa / Rui Lopes).
/// </summary>
public sealed class DeliveryLeadPackTests
{
    private static async Task<ReportModel> TeamAsync(string team) =>
        await DemoPortfolio.Builder(DemoPortfolio.Store())
            .BuildAsync(new ReportRequest(DemoPortfolio.November, ReportScope.ForTeam(team), DemoPortfolio.AsOf), CancellationToken.None);

    [Fact]
    public async Task The_ops_pack_says_which_of_its_items_blocks_which_team_on_which_measure_and_who_owns_that_measure()
    {
        var model = await TeamAsync("OPS");

        var row = Assert.Single(model.YouAreBlocking);
        Assert.Equal(("OPS-12", "PAY", 2, "Olga Ops", 21), (row.Blocker.Key, row.BlockedTeam, row.BlockedCount, row.BlockerAssignee, row.AgeDays));
        Assert.Equal(["PAY-2", "PAY-3"], row.BlockedItems.Select(i => i.Key));
        var measure = Assert.Single(row.Measures);
        Assert.Equal(("M-PCI-TOKEN", "Card data tokenized", "Ana Costa", "Rui Lopes"), (measure.Id, measure.Name, measure.BusinessOwner, measure.TechnicalOwner));
        Assert.Empty(model.BlockedByOthers);
    }

    [Fact]
    public async Task The_pay_pack_lists_its_measures_with_their_statuses_and_the_other_teams_items_that_block_it()
    {
        var model = await TeamAsync("PAY");

        var served = Assert.Single(model.TeamMeasures);
        Assert.Equal(("M-PCI-TOKEN", 4, 1, 3), (served.Measure.Id, served.Items, served.Done, served.Open));
        Assert.Equal("red", served.Measure.Implementation.Status);
        var blocked = Assert.Single(model.BlockedByOthers);
        Assert.Equal(("OPS-12", "OPS", 2), (blocked.Blocker.Key, blocked.BlockerTeam, blocked.BlockedCount));
        Assert.Empty(model.YouAreBlocking);
    }

    [Fact]
    public async Task The_rendered_pack_shows_your_measures_then_you_are_blocking_then_blocked_by_others_then_the_items()
    {
        var html = new PackRenderer(RepoPaths.Templates).RenderToString("delivery-lead", await TeamAsync("OPS"));
        var document = new HtmlParser().ParseDocument(html);

        Assert.Equal(
            ["Team OPS", "Measures your work serves", "You are blocking", "Blocked by others", "Items, untracked first", "Data freshness", "How statuses are set"],
            document.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()));
        var blocking = document.QuerySelector("section.you-are-blocking tbody tr")!.TextContent;
        Assert.Contains("OPS-12", blocking, StringComparison.Ordinal);
        Assert.Contains("PAY", blocking, StringComparison.Ordinal);
        Assert.Contains("Card data tokenized (M-PCI-TOKEN)", blocking, StringComparison.Ordinal);
        Assert.Contains("Business owner: Ana Costa · Technical owner: Rui Lopes", blocking, StringComparison.Ordinal);
    }
}
