using System.Diagnostics;
using StrategyLayer.Domain.Items;
using StrategyLayer.Mapping.Rules;
using StrategyLayer.Mapping.Tests.Support;
using Xunit.Abstractions;

namespace StrategyLayer.Mapping.Tests;

/// <summary>Performance sanity: 200 rules over 300k generated items. Figures are printed, not asserted.</summary>
public class PerformanceTests(ITestOutputHelper output)
{
    private const int ItemCount = 300_000;
    private const int RuleCount = 200;

    private static readonly string[] Projects = ["PAY", "WEB", "CLOUD", "OPS", "DATA"];
    private static readonly string[] Labels = ["pci", "tokenization", "sox", "migration", "aws", "cost", "finops", "selfservice", "observability", "techdebt", "ux"];

    [Fact]
    public async Task TwoHundredRulesMapThreeHundredThousandItemsStreamingFromTheStore()
    {
        var tree = Trees.With([.. Enumerable.Range(0, 20).Select(i => "M-" + i)]);
        var rules = new RuleSet("category != cancelled and updated >= -365d", [], [.. Rules()]);

        var compile = Stopwatch.StartNew();
        var engine = new MappingEngine(tree, rules, Items.AsOf);
        compile.Stop();

        // Generating the items costs time too: measured alone so that rule evaluation can be told apart.
        var generate = Stopwatch.StartNew();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var generated = Generate().Count();
        var cpuGenerate = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        generate.Stop();

        var decide = Stopwatch.StartNew();
        var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
        var mapped = 0;
        foreach (var item in Generate())
        {
            mapped += engine.IsInScope(item) && engine.Decide(item).Decided ? 1 : 0;
        }

        var cpuDecide = Process.GetCurrentProcess().TotalProcessorTime - cpu1 - cpuGenerate;
        decide.Stop();

        var store = new MemoryStore(Generate);
        var run = Stopwatch.StartNew();
        var summary = await MapRun.ExecuteAsync(store, engine, null, CancellationToken.None);
        run.Stop();
        var rerun = Stopwatch.StartNew();
        var again = await MapRun.ExecuteAsync(store, engine, null, CancellationToken.None);
        rerun.Stop();

        output.WriteLine($"compile {RuleCount} rules: {compile.Elapsed.TotalMilliseconds:F1} ms");
        var evaluation = decide.Elapsed - generate.Elapsed;
        output.WriteLine($"generate {generated} items alone: {generate.Elapsed.TotalSeconds:F2} s");
        output.WriteLine($"generate + scope + rules: {decide.Elapsed.TotalSeconds:F2} s = {ItemCount / decide.Elapsed.TotalSeconds:N0} items/s");
        output.WriteLine($"scope + rules alone: {evaluation.TotalSeconds:F2} s = {ItemCount / Math.Max(evaluation.TotalSeconds, 0.001):N0} items/s (target >= 100,000)");

        // On a shared, loaded machine wall time overstates the cost; processor time is steadier.
        output.WriteLine($"scope + rules alone, processor time: {cpuDecide.TotalSeconds:F2} s = {ItemCount / Math.Max(cpuDecide.TotalSeconds, 0.001):N0} items/s");
        output.WriteLine($"map run {ItemCount} items: {run.Elapsed.TotalSeconds:F2} s = {ItemCount / run.Elapsed.TotalSeconds:N0} items/s, {summary.Writes} writes");
        output.WriteLine($"re-map unchanged: {rerun.Elapsed.TotalSeconds:F2} s, {again.Evaluated} evaluated, {again.Writes} writes");
        output.WriteLine($"mapped {summary.Mapped}, untracked {summary.Untracked}, inherited share {summary.ByRule.Count} rules used");

        // Correctness, not speed: the run saw every item, and the direct decisions agree with the loop above.
        Assert.Equal(ItemCount, summary.Items);
        Assert.True(summary.Mapped >= mapped);
        Assert.Equal(ItemCount, summary.Writes);
        Assert.Equal(0, again.Writes);
    }

    private static IEnumerable<MappingRule> Rules()
    {
        // Most rules match little, so that an unmapped item is tried against all 200.
        for (var i = 0; i < RuleCount; i++)
        {
            var when = (i % 5) switch
            {
                0 => $"project = {Projects[i % Projects.Length]} and labels in ({Labels[i % Labels.Length]}, x{i}) and priority <= {1 + (i % 2)}",
                1 => $"components = \"Comp {i}\" or fixVersions = v{i}",
                2 => $"assignee = \"person {i}\" and created >= -{30 + i}d",
                3 => $"title ~ \"marker {i}\" and not (status = Done)",
                _ => $"team = T{i} and estimate > {i % 8}",
            };
            yield return new MappingRule("r" + i, when, "M-" + (i % 20));
        }
    }

    private static IEnumerable<WorkItem> Generate()
    {
        var random = new Random(300_000);
        for (var n = 0; n < ItemCount; n++)
        {
            var project = Projects[random.Next(Projects.Length)];
            var parent = n % 4 == 0 || n < 10 ? null : $"{project}-{random.Next(n)}";
            yield return new WorkItem
            {
                Source = "jira",
                SourceId = n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Key = $"{project}-{n}",
                Kind = WorkItemKind.Issue,
                Title = "Generated item " + n,
                Status = "In Progress",
                Category = StatusCategory.InProgress,
                Project = project,
                Team = project,
                Assignee = "person " + random.Next(500),
                Priority = "Medium",
                PriorityRank = random.Next(1, 6),
                Labels = random.Next(3) == 0 ? [Labels[random.Next(Labels.Length)]] : [],
                Parent = parent,
                Estimate = random.Next(0, 13),
                Created = Items.AsOf.AddDays(-random.Next(400)),
                Updated = Items.AsOf.AddDays(-random.Next(300)),
            };
        }
    }
}
