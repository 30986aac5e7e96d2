using StrategyLayer.Application.Tests.Support;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Application.Tests;

/// <summary>The read use cases (items, explain, status, the web view's reads) over one synced and mapped store.</summary>
public sealed class ReadQueriesTests(MappedWorld world) : IClassFixture<MappedWorld>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_item_listing_filters_by_untracked_measure_team_and_query()
    {
        var reads = world.App.Reads;
        var all = await (await reads.ItemsAsync(new ItemFilter(), None)).ToListAsync();
        var untracked = await (await reads.ItemsAsync(new ItemFilter(Untracked: true), None)).ToListAsync();
        var measure = all.First(i => i.Measure is not null).Measure!;
        var byMeasure = await (await reads.ItemsAsync(new ItemFilter(Measure: measure.ToLowerInvariant()), None)).ToListAsync();
        var team = all.First(i => i.Team is not null).Team!;
        var byTeam = await (await reads.ItemsAsync(new ItemFilter(Team: team.ToUpperInvariant()), None)).ToListAsync();
        var incidents = await (await reads.ItemsAsync(new ItemFilter(Query: "kind = incident", Untracked: false), None)).ToListAsync();

        Assert.NotEmpty(untracked);
        Assert.True(untracked.Count < all.Count);
        Assert.All(untracked, i => Assert.True(i.Untracked));
        Assert.Equal(all.Count(i => i.Measure == measure), byMeasure.Count);
        Assert.Equal(all.Count(i => string.Equals(i.Team, team, StringComparison.OrdinalIgnoreCase)), byTeam.Count);
        Assert.Equal(all.Count(i => i.Kind == "incident" && !i.Untracked), incidents.Count);
        Assert.NotEmpty(incidents);
    }

    [Fact]
    public async Task A_bad_query_fails_before_any_item_is_read_and_an_unknown_measure_names_the_known_ones()
    {
        var query = await Assert.ThrowsAsync<DiagnosticsException>(() => world.App.Reads.ItemsAsync(new ItemFilter(Query: "labels = = pci"), None));
        var measure = await Assert.ThrowsAsync<StrategyLayerException>(() => world.App.Reads.ItemsAsync(new ItemFilter(Measure: "M-PCI-TOKN"), None));

        Assert.Equal(10, query.Diagnostics[0].Column);
        Assert.Equal(ErrorKind.Usage, measure.Kind);
        Assert.Contains("did you mean 'M-PCI-TOKEN'?", measure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_says_why_a_stored_item_maps_and_names_one_not_stored()
    {
        var item = await (await world.App.Reads.ItemsAsync(new ItemFilter(Untracked: false), None)).FirstAsync(i => i.Measure is not null);

        var view = await world.App.Reads.ExplainAsync(item.Id, None);
        var missing = await Assert.ThrowsAsync<StrategyLayerException>(() => world.App.Reads.ExplainAsync("jira:NOPE-1", None));

        Assert.Equal((item.Id, item.Measure), (view.Id, view.Measure));
        Assert.Contains("no stored item 'jira:NOPE-1'", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_states_the_untracked_share_of_the_current_period_s_report()
    {
        var app = world.App;
        var builder = await app.Report.BuilderAsync(None);
        var report = await builder.ReportAsync(await app.Strategy.CurrentPeriodAsync(None), None);

        var status = await app.Reads.StatusAsync(None);

        Assert.Equal(report.Coverage.UntrackedShare, status.UntrackedShare);
        Assert.True(status.UntrackedShare > 0);
        Assert.Equal(["jira", "servicenow"], status.Sources.Select(s => s.Source).Order());
    }

    [Fact]
    public async Task The_web_view_s_pages_list_untracked_items_first_and_count_what_the_listing_streams()
    {
        var app = world.App;
        var store = await app.Context.StoreAsync(None);
        var files = await app.Strategy.LoadAsync(None);
        var reads = new PortfolioReads(store, new PortfolioSettings { Strategy = files.Tree, Rules = files.Rules, TimeProvider = TimeProvider.System }, null, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, "http://127.0.0.1:5080");
        var all = await (await app.Reads.ItemsAsync(new ItemFilter(), None)).ToListAsync();
        var incidents = await (await app.Reads.ItemsAsync(new ItemFilter(Query: "kind = incident"), None)).ToListAsync();

        var page = await reads.ItemsAsync(new ItemFilter(), 0, 50, None);
        var queried = await reads.ItemsAsync(new ItemFilter(Query: "kind = incident"), 0, 1000, None);

        Assert.Equal(all.Count, page.Total);
        Assert.Equal(50, page.Items.Count);
        var untracked = all.Count(i => i.Untracked);
        Assert.All(page.Items.Take(Math.Min(50, untracked)), r => Assert.True(r.Item.Untracked));
        Assert.Equal(incidents.Select(i => i.Id).Order(), queried.Items.Select(r => r.Item.Id).Order());
        Assert.All(page.Items, r => Assert.Equal("/items/" + Uri.EscapeDataString(r.Item.Id), r.Href));
    }
}
