using Microsoft.Extensions.Time.Testing;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Reporting.Tests.Support;
using StrategyLayer.Store;
using StrategyLayer.Store.LiteDb;

namespace StrategyLayer.Reporting.Tests;

/// <summary>The same packs from the real LiteDB store on a temp file.</summary>
public sealed class LiteStoreReportTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string StorePath => temp.File("strategylayer.db");

    private async Task Seed()
    {
        var memory = DemoPortfolio.Store();
        await using var store = LiteStrategyStore.Open(StorePath, new LiteStoreOptions { TimeProvider = TimeProvider.System });
        foreach (var group in memory.AllItems().GroupBy(i => i.Source))
        {
            await Commit(store, group.Key, [.. group], "cursor");
        }

        await store.SaveMappingsAsync(memory.AllMappings(), [], CancellationToken.None);
    }

    private static async Task Commit(IItemSync store, string source, IReadOnlyList<WorkItem> items, string cursor)
    {
        await using var sync = await store.BeginSyncAsync(source, CancellationToken.None);
        await sync.CommitAsync("default", [.. items.Select(i => new SourceRecord(i, "{}"))], [], cursor, CancellationToken.None);
    }

    [Fact]
    public async Task A_frozen_period_built_from_the_lite_store_renders_the_same_after_the_store_is_reopened_and_changed()
    {
        await Seed();
        var end = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var renderer = new PackRenderer(RepoPaths.Templates);
        var time = new FakeTimeProvider(end);
        string first;
        using (var store = LiteStrategyStore.Open(StorePath, new LiteStoreOptions { TimeProvider = TimeProvider.System }))
        {
            var model = await DemoPortfolio.Builder(store, time: time)
                .BuildAsync(new ReportRequest(DemoPortfolio.November, ReportScope.Portfolio, end), CancellationToken.None);
            Assert.Equal(("frozen", 12, 5), (model.State, model.Summary.InScope, model.Summary.Untracked));
            Assert.Equal("red", model.Measures.Single(m => m.Id == "M-PCI-TOKEN").Implementation.Status);
            first = renderer.RenderToString("portfolio-pack", model);
        }

        using (var store = LiteStrategyStore.Open(StorePath, new LiteStoreOptions { TimeProvider = TimeProvider.System }))
        {
            var late = DemoPortfolio.Jira("PAY-77", "PAY", StatusCategory.Done, "Late", end);
            await Commit(store, "jira", [late], "cursor2");
            await store.SaveMappingsAsync([new ItemMapping(late.Uid, "M-PCI-TOKEN", new Decision(DecisionKind.Rule, "pci-work"), true)], [], CancellationToken.None);
            var again = await DemoPortfolio.Builder(store, time: time)
                .BuildAsync(new ReportRequest(DemoPortfolio.November, ReportScope.Portfolio, end.AddDays(3)), CancellationToken.None);

            Assert.Equal(first, renderer.RenderToString("portfolio-pack", again));
            Assert.Equal("Frozen", await SnapshotStateName(store));
        }
    }

    private static async Task<string> SnapshotStateName(ISnapshotReader store) => (await store.GetSnapshotAsync("2026-11", CancellationToken.None))!.State.ToString();
}
