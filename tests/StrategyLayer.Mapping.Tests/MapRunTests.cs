using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Mapping.Rules;
using StrategyLayer.Mapping.Tests.Support;

namespace StrategyLayer.Mapping.Tests;

public sealed class MapRunTests : IDisposable
{
    private static readonly StrategyTree Tree = Trees.With("M-PCI", "M-COST", "M-CLOUD", "M-MTTR");

    private static readonly RuleSet Rules = new(
        "category != cancelled and updated >= -365d",
        [new RulePin("jira:PAY-4", "M-COST")],
        [
            new MappingRule("pci", "project = PAY and labels in (pci, tokenization)", "M-PCI"),
            new MappingRule("cost", "labels in (cost, finops)", "M-COST"),
            new MappingRule("cloud", "project = CLOUD and (labels = migration or components = \"Landing Zone\")", "M-CLOUD"),
            new MappingRule("p1p2", "kind = incident and assignment_group = \"Service Desk\" and priority <= 2", "M-MTTR"),
        ]);

    private readonly StoreFile _file = new();

    public void Dispose() => _file.Dispose();

    private Task<MapSummary> Map(RuleSet? rules = null, DateTimeOffset? asOf = null) =>
        MapRun.ExecuteAsync(_file.Store, Tree, rules ?? Rules, asOf ?? Items.AsOf, null, CancellationToken.None);

    private async Task<ItemMapping> MappingOf(string key) =>
        (await _file.Store.LoadMappingsAsync(CancellationToken.None))[(await _file.Store.FindItemAsync(key, CancellationToken.None))!.Uid];

    private static WorkItem Old(WorkItem item) => item with { Updated = Items.AsOf.AddDays(-20), Created = Items.AsOf.AddDays(-60) };

    /// <summary>The newest item: it sets the source's watermark, and is re-evaluated every run (the overlap window).</summary>
    private static WorkItem Newest() => Items.Issue("OPS-100", i => i with { Updated = Items.AsOf.AddDays(-3) });

    [Fact]
    public async Task APinBeatsARuleAndAnItsOwnRuleBeatsInheritance()
    {
        await _file.Put(
            Items.Issue("PAY-1", i => i with { Type = "Epic", Labels = ["pci"] }),
            Items.Issue("PAY-2", i => i with { Epic = "PAY-1" }),
            Items.Issue("PAY-3", i => i with { Epic = "PAY-1", Labels = ["finops"] }),
            Items.Issue("PAY-4", i => i with { Labels = ["pci"] }));
        await Map();

        Assert.Equal(new Decision(DecisionKind.Rule, "pci"), (await MappingOf("PAY-1")).DecidedBy);
        Assert.Equal("M-PCI", (await MappingOf("PAY-1")).MeasureId);
        Assert.Equal(DecisionKind.Inherited, (await MappingOf("PAY-2")).DecidedBy.Kind);
        Assert.Equal("M-PCI", (await MappingOf("PAY-2")).MeasureId);
        Assert.Equal("cost", (await MappingOf("PAY-3")).DecidedBy.Rule);
        Assert.Equal("M-COST", (await MappingOf("PAY-3")).MeasureId);
        Assert.Equal(DecisionKind.Pin, (await MappingOf("PAY-4")).DecidedBy.Kind);
        Assert.Equal("M-COST", (await MappingOf("PAY-4")).MeasureId);
    }

    [Fact]
    public async Task AChildInheritsTransitivelyParentFirstAndRecordsTheWayNearestFirst()
    {
        await _file.Put(
            Items.Issue("CLOUD-1", i => i with { Type = "Epic", Components = ["Landing Zone"] }),
            Items.Issue("CLOUD-2", i => i with { Epic = "CLOUD-1" }),
            Items.Issue("CLOUD-3", i => i with { Type = "Sub-task", Parent = "CLOUD-2" }),
            Items.Issue("PAY-10", i => i with { Type = "Epic", Labels = ["pci"] }),
            Items.Issue("CLOUD-4", i => i with { Parent = "CLOUD-2", Epic = "PAY-10" }),
            Items.Issue("CLOUD-5", i => i with { Parent = "CLOUD-99", Epic = "PAY-10" }));
        await Map();

        var sub = (await MappingOf("CLOUD-3"));
        Assert.Equal("M-CLOUD", sub.MeasureId);
        Assert.Equal(DecisionKind.Inherited, sub.DecidedBy.Kind);
        Assert.Equal("cloud", sub.DecidedBy.Rule);
        Assert.Equal(["jira:CLOUD-2", "jira:CLOUD-1"], sub.DecidedBy.Via);

        // The parent's mapping wins over the epic's; a parent that is not stored gives way to the epic.
        Assert.Equal("M-CLOUD", (await MappingOf("CLOUD-4")).MeasureId);
        Assert.Equal("M-PCI", (await MappingOf("CLOUD-5")).MeasureId);
        Assert.Equal(["jira:PAY-10"], (await MappingOf("CLOUD-5")).DecidedBy.Via);
    }

    [Fact]
    public async Task ParentCyclesInheritNothingAndDoNotHang()
    {
        await _file.Put(
            Items.Issue("OPS-1", i => i with { Parent = "OPS-2" }),
            Items.Issue("OPS-2", i => i with { Parent = "OPS-3" }),
            Items.Issue("OPS-3", i => i with { Parent = "OPS-1" }),
            Items.Issue("OPS-5", i => i with { Parent = "OPS-5" }),
            Items.Issue("OPS-6", i => i with { Type = "Epic", Labels = ["cost"] }),
            Items.Issue("OPS-7", i => i with { Parent = "OPS-8", Epic = "OPS-6" }),
            Items.Issue("OPS-8", i => i with { Parent = "OPS-7" }));
        var summary = await Map();

        foreach (var key in new[] { "OPS-1", "OPS-2", "OPS-3", "OPS-5" })
        {
            Assert.Null((await MappingOf(key)).MeasureId);
            Assert.True((await MappingOf(key)).Untracked);
        }

        Assert.Equal("M-COST", (await MappingOf("OPS-7")).MeasureId);
        Assert.Equal("M-COST", (await MappingOf("OPS-8")).MeasureId);
        Assert.Equal(["jira:OPS-7", "jira:OPS-6"], (await MappingOf("OPS-8")).DecidedBy.Via);
        Assert.Equal(4, summary.Untracked);
    }

    [Fact]
    public async Task UntrackedMeansInScopeAndUnmappedAndSkipsCancelledStaleAndRemovedItems()
    {
        await _file.Put(
            Items.Issue("DATA-1", i => i with { Labels = ["observability"] }),
            Items.Issue("DATA-2", i => i with { Category = StatusCategory.Cancelled, Status = "Won't Do" }),
            Items.Issue("DATA-3", i => i with { Updated = Items.AsOf.AddDays(-400), Created = Items.AsOf.AddDays(-500) }),
            Items.Issue("DATA-4"),
            Items.Incident("INC0001", "Service Desk", 1),
            Items.Incident("INC0002", "Service Desk", 3));
        await _file.Remove("DATA-4", RemovalReason.Deleted, Items.AsOf);
        var summary = await Map();

        Assert.True((await MappingOf("DATA-1")).Untracked);
        Assert.False((await MappingOf("DATA-2")).InScope);
        Assert.False((await MappingOf("DATA-2")).Untracked);
        Assert.False((await MappingOf("DATA-3")).InScope);
        Assert.False((await MappingOf("DATA-4")).InScope);
        Assert.Null((await MappingOf("DATA-4")).MeasureId);
        Assert.Equal("M-MTTR", (await MappingOf("INC0001")).MeasureId);
        Assert.True((await MappingOf("INC0002")).Untracked);

        Assert.Equal(5, summary.Items);
        Assert.Equal(1, summary.Mapped);
        Assert.Equal(2, summary.Untracked);
        Assert.Equal(new Dictionary<string, int> { ["p1p2"] = 1 }, summary.ByRule);

        var mappings = await _file.Store.LoadMappingsAsync(CancellationToken.None);
        var untracked = await _file.Store.ItemsAsync(new StrategyLayer.Store.ItemQuery(), CancellationToken.None)
            .Where(i => mappings.TryGetValue(i.Uid, out var m) && m.Untracked).Select(i => i.Id).ToListAsync();
        Assert.Equal(["jira:DATA-1", "servicenow:INC0002"], untracked.Order());
    }

    [Fact]
    public async Task ARemapWithNothingChangedEvaluatesAndWritesNothing()
    {
        await _file.Put(
            Old(Items.Issue("PAY-1", i => i with { Labels = ["pci"] })),
            Old(Items.Issue("PAY-2", i => i with { Parent = "PAY-1" })),
            Old(Items.Issue("WEB-1")),
            Newest());
        var first = await Map();
        Assert.True(first.Full);
        Assert.Equal(4, first.Evaluated);
        Assert.Equal(4, first.Writes);

        var second = await Map();
        Assert.False(second.Full);
        Assert.Equal(1, second.Evaluated);
        Assert.Equal(0, second.Writes);
        Assert.Equal(first with { Writes = 0, Evaluated = 1, Full = false }, second with { ByRule = first.ByRule });
    }

    [Fact]
    public async Task ARemapReevaluatesTheChangedItemAndRewritesOnlyTheMappingsThatMoved()
    {
        await _file.Put(
            Old(Items.Issue("PAY-1", i => i with { Type = "Epic" })),
            Old(Items.Issue("PAY-2", i => i with { Epic = "PAY-1" })),
            Old(Items.Issue("PAY-3", i => i with { Epic = "PAY-1" })),
            Old(Items.Issue("WEB-1")),
            Newest());
        await Map();
        Assert.True((await MappingOf("PAY-2")).Untracked);

        await _file.Put(Items.Issue("PAY-1", i => i with { Type = "Epic", Labels = ["tokenization"], Updated = Items.AsOf.AddHours(-1) }));
        var summary = await Map();

        Assert.Equal(2, summary.Evaluated);
        Assert.Equal(3, summary.Writes);
        Assert.Equal("M-PCI", (await MappingOf("PAY-3")).MeasureId);
        Assert.True((await MappingOf("WEB-1")).Untracked);
    }

    [Fact]
    public async Task ChangedRulesRemapEverything()
    {
        await _file.Put(Old(Items.Issue("WEB-1", i => i with { Labels = ["ux"] })), Old(Items.Issue("WEB-2")));
        await Map();
        var changed = Rules with { Rules = [.. Rules.Rules, new MappingRule("ux", "labels = ux", "M-CLOUD")] };
        var summary = await Map(changed);

        Assert.True(summary.Full);
        Assert.Equal(2, summary.Evaluated);
        Assert.Equal(1, summary.Writes);
        Assert.Equal("M-CLOUD", (await MappingOf("WEB-1")).MeasureId);
    }

    [Fact]
    public async Task ALaterAsOfReevaluatesItemsWhoseDatesCrossedARelativeThreshold()
    {
        var rules = Rules with { InScope = "updated >= -30d" };
        await _file.Put(
            Items.Issue("OPS-1", i => i with { Updated = Items.AsOf.AddDays(-25), Created = Items.AsOf.AddDays(-90) }),
            Items.Issue("OPS-2", i => i with { Updated = Items.AsOf.AddDays(-5), Created = Items.AsOf.AddDays(-90) }),
            Items.Issue("OPS-3", i => i with { Updated = Items.AsOf.AddDays(-15), Created = Items.AsOf.AddDays(-90) }));
        await Map(rules);
        Assert.True((await MappingOf("OPS-1")).Untracked);

        var later = await Map(rules, Items.AsOf.AddDays(10));

        // OPS-1 crossed "updated >= -30d"; OPS-2 is the newest (overlap window); OPS-3 reuses its decision.
        Assert.Equal(2, later.Evaluated);
        Assert.True((await MappingOf("OPS-3")).Untracked);
        Assert.False((await MappingOf("OPS-1")).InScope);
        Assert.True((await MappingOf("OPS-2")).Untracked);
    }

    [Fact]
    public async Task MappingsOfItemsNoLongerStoredAreDropped()
    {
        var memory = new MemoryStore();
        memory.Put(Items.Issue("PAY-1", i => i with { Labels = ["pci"] }));
        await memory.SaveMappingsAsync([new ItemMapping("jira/gone", "M-PCI", new Decision(DecisionKind.Rule, "pci"), true)], [], CancellationToken.None);

        var summary = await MapRun.ExecuteAsync(memory, Tree, Rules, Items.AsOf, null, CancellationToken.None);

        Assert.Equal(2, summary.Writes);
        Assert.False(memory.Mappings.ContainsKey("jira/gone"));
    }

    [Fact]
    public async Task TheMapSummaryIsWrittenOnceToTheLoggerTheRunIsGiven()
    {
        await _file.Put([Items.Issue("PAY-1", i => i with { Labels = ["pci"] }), Items.Issue("OPS-1")]);
        var sink = new CollectingSink();
        using var logs = new Serilog.Extensions.Logging.SerilogLoggerFactory(new Serilog.LoggerConfiguration().WriteTo.Sink(sink).CreateLogger(), dispose: true);

        var summary = await MapRun.ExecuteAsync(_file.Store, Tree, Rules, Items.AsOf, null, CancellationToken.None, log: logs.CreateLogger(typeof(MapRun).FullName!));

        var logged = Assert.Single(sink.Events, e => e.MessageTemplate.Text.StartsWith("Mapped ", StringComparison.Ordinal));
        Assert.Equal($"Mapped {summary.Items} items: {summary.Mapped} mapped, {summary.Untracked} untracked, {summary.Evaluated} evaluated, {summary.Writes} writes", logged.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, summary.Items);
    }

    [Fact]
    public async Task ProgressIsReportedAndCancellationStopsTheRun()
    {
        await _file.Put([.. Enumerable.Range(1, 2500).Select(n => Items.Issue($"OPS-{n}"))]);
        var reports = new List<int>();
        await MapRun.ExecuteAsync(_file.Store, Tree, Rules, Items.AsOf, new SyncProgress(reports), CancellationToken.None);
        Assert.Equal([1000, 2000, 2500], reports);

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => MapRun.ExecuteAsync(_file.Store, Tree, Rules, Items.AsOf, null, cts.Token, full: true));
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests want the reports in order, at once.</summary>
    private sealed class SyncProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}
