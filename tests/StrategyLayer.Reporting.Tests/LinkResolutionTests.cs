using Microsoft.Extensions.Time.Testing;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Reporting.Model;
using StrategyLayer.Reporting.Tests.Support;
using StrategyLayer.Store;
using StrategyLayer.Store.LiteDb;

namespace StrategyLayer.Reporting.Tests;

/// <summary>
/// Dependency links across sources on a real LiteDB store: two Jira sites hold the same keys (a Cloud
/// migration in progress), so a link resolves within its own source first; a link that stays missing
/// or ambiguous is a data-quality entry and an open risk, never an exception.
/// </summary>
public sealed class LinkResolutionTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder temp = new();
    private readonly LiteStrategyStore store;

    public LinkResolutionTests() => store = LiteStrategyStore.Open(temp.File("links.db"), new LiteStoreOptions { TimeProvider = TimeProvider.System });

    public async Task InitializeAsync()
    {
        var day = DemoPortfolio.AsOf.AddDays(-1);
        var blockedBy = (string key) => new ItemLink(LinkTypes.IsBlockedBy, key, "In Progress", StatusCategory.InProgress);

        // Both sites hold PAY-1 and SEC-9: on Cloud SEC-9 is still open, on Data Center it is done.
        await Put("jira", DemoPortfolio.Jira("PAY-1", "PAY", StatusCategory.InProgress, "Tokenize", day) with { Links = [blockedBy("SEC-9")] }, "M-PCI-TOKEN");
        await Put("jira", DemoPortfolio.Jira("SEC-9", "SEC", StatusCategory.InProgress, "Open the vault firewall", day) with { Created = DemoPortfolio.AsOf.AddDays(-30) }, null);
        await Put("jira-dc", DemoPortfolio.Jira("PAY-1", "PAY", StatusCategory.InProgress, "Tokenize (DC)", day) with { Links = [blockedBy("SEC-9")] }, "M-PCI-TOKEN");
        await Put("jira-dc", DemoPortfolio.Jira("SEC-9", "SEC", StatusCategory.Done, "Firewall (DC)", day), null);

        // A link no source resolves, and one from a third source that both sites could answer.
        await Put("jira", DemoPortfolio.Jira("PAY-2", "PAY", StatusCategory.InProgress, "Rotate keys", day) with { Links = [blockedBy("NOPE-1")] }, "M-PCI-TOKEN");
        await Put("servicenow", DemoPortfolio.Incident("INC0010009", 1, StatusCategory.InProgress, day) with { Links = [blockedBy("SEC-9")] }, "M-SD-MTTR");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        store.Dispose();
        temp.Dispose();
    }

    private async Task Put(string source, WorkItem item, string? measure)
    {
        item = item with { Source = source, SourceId = source + "-" + item.Key };
        await using (var sync = await store.BeginSyncAsync(source, CancellationToken.None))
        {
            await sync.CommitAsync("default", [new SourceRecord(item, "{}")], [], "cursor", CancellationToken.None);
        }

        var decision = measure is null ? Decision.None : new Decision(DecisionKind.Rule, "rule");
        await store.SaveMappingsAsync([new ItemMapping(item.Uid, measure, decision, InScope: true)], [], CancellationToken.None);
    }

    private Task<ReportModel> BuildAsync() =>
        DemoPortfolio.Builder(store, time: new FakeTimeProvider(DemoPortfolio.AsOf))
            .BuildAsync(new ReportRequest(DemoPortfolio.November, ReportScope.Portfolio), CancellationToken.None);

    [Fact]
    public async Task The_store_itself_refuses_the_bare_key_both_sites_hold()
    {
        // What used to take every pack down: a bare-key lookup of SEC-9.
        await Assert.ThrowsAsync<Domain.Errors.StrategyLayerException>(() => store.FindItemAsync("SEC-9", CancellationToken.None));
    }

    [Fact]
    public async Task Each_link_resolves_within_its_own_source_when_two_sites_hold_the_same_key()
    {
        var model = await BuildAsync();

        // Cloud's PAY-1 waits on Cloud's open SEC-9; Data Center's SEC-9 is done, so its PAY-1 waits on nothing.
        var cloud = Assert.Single(model.Blockers, b => b.Blocker.Key == "SEC-9" && b.Problem is null);
        Assert.Equal("jira:SEC-9", cloud.Blocker.Id);
        Assert.Equal(["jira:PAY-1"], cloud.BlockedItems.Select(i => i.Id));
        Assert.Equal("Open the vault firewall", cloud.Blocker.Title);
        Assert.DoesNotContain(model.Blockers, b => b.Blocker.Id == "jira-dc:SEC-9");
        Assert.DoesNotContain(model.Blockers.SelectMany(b => b.BlockedItems), i => i.Id == "jira-dc:PAY-1");
        Assert.DoesNotContain(model.DataQuality, d => d.Item is "jira:PAY-1" or "jira-dc:PAY-1");
    }

    [Fact]
    public async Task A_link_that_is_ambiguous_elsewhere_is_a_data_quality_entry_and_still_an_open_risk()
    {
        var model = await BuildAsync();

        var entry = Assert.Single(model.DataQuality, d => d.Item == "servicenow:INC0010009");
        Assert.Equal(StrategyLayer.Reporting.Model.DataQualityEntry.UnresolvedLink, entry.Kind);
        Assert.Contains("ambiguous", entry.Problem, StringComparison.Ordinal);
        Assert.Contains("jira:SEC-9", entry.Problem, StringComparison.Ordinal);
        Assert.Contains("jira-dc:SEC-9", entry.Problem, StringComparison.Ordinal);

        // The evidence is on the item too: the blocker it waits on says why it is unresolved.
        var blocker = Assert.Single(model.Blockers, b => b.BlockedItems.Any(i => i.Id == "servicenow:INC0010009"));
        Assert.Equal("servicenow:SEC-9", blocker.Blocker.Id);
        Assert.Contains("ambiguous", blocker.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_to_a_key_no_source_holds_is_named_and_its_measure_says_why()
    {
        var model = await BuildAsync();

        var entry = Assert.Single(model.DataQuality, d => d.Item == "jira:PAY-2");
        Assert.Contains("NOPE-1 is not stored", entry.Problem, StringComparison.Ordinal);
        Assert.Equal(model.DataQuality.Count, model.Summary.DataQualityProblems);
        var reasons = model.Measures.Single(m => m.Id == "M-PCI-TOKEN").Implementation.Reasons;
        Assert.Contains(reasons, r => r.Text.Contains("blocked by NOPE-1", StringComparison.Ordinal) && r.Text.Contains("unresolved link: NOPE-1 is not stored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_pack_of_the_period_is_written_and_the_report_document_lists_the_problems()
    {
        var builder = DemoPortfolio.Builder(store, time: new FakeTimeProvider(DemoPortfolio.AsOf));
        var packs = await new PackWriter(builder, new PackRenderer(RepoPaths.Templates))
            .WriteAsync(new PackRequest(DemoPortfolio.November, temp.Path), CancellationToken.None);

        Assert.Contains(packs, p => p.Template == "portfolio-pack");
        Assert.All(packs, p => Assert.True(File.Exists(p.HtmlPath), p.HtmlPath));
        var document = await builder.ReportAsync(DemoPortfolio.November, CancellationToken.None);
        Assert.Equal(["jira:PAY-2", "servicenow:INC0010009"], document.DataQuality.Select(d => d.Item).Order(StringComparer.Ordinal));
        Assert.Equal(2, document.DataQualityTotal);
    }
}
