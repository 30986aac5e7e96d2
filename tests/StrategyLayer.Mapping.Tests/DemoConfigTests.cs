using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;
using StrategyLayer.Mapping.Files;
using StrategyLayer.Mapping.Tests.Support;

namespace StrategyLayer.Mapping.Tests;

/// <summary>The demo's config/strategy.json and config/rules.json load cleanly and say what the demo story says.</summary>
public class DemoConfigTests
{
    private static string ConfigFile(string name) => Path.Combine(RepoRoot(), "config", name);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StrategyLayer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("the repository root is not above the test folder");
    }

    [Fact]
    public async Task LoadingBothFilesTogetherGivesAnEngineOrEveryProblemAtOnce()
    {
        var files = await MappingFiles.LoadOrThrowAsync(ConfigFile("strategy.json"), ConfigFile("rules.json"), [], CancellationToken.None);
        Assert.Equal(6, files.Engine(Items.AsOf).Rules.Rules.Count);

        var ex = await Assert.ThrowsAsync<DiagnosticsException>(() => MappingFiles.LoadOrThrowAsync(ConfigFile("strategy.json"), ConfigFile("nope.json"), [], CancellationToken.None));
        Assert.Contains("file not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCsvActualsExampleLoads()
    {
        var diagnostics = new List<Diagnostic>();
        var tree = await StrategyFile.LoadAsync(ConfigFile(Path.Combine("examples", "strategy-with-csv-actuals.json")), diagnostics, CancellationToken.None);
        Assert.Empty(diagnostics.Select(d => d.ToString()));
        Assert.Equal(393, ((Domain.Strategy.EnteredActual)tree!.FindMeasure("M-RUN-COST")!.Kpi.Actual).Values["2026-11"]);
        Assert.Equal(58, ((Domain.Strategy.EnteredActual)tree.FindMeasure("M-CLOUD-SPEND")!.Kpi.Actual).Values["2026-Q4"]);
    }

    [Fact]
    public void EveryExampleQueryInTheReadmeCompiles()
    {
        var readme = File.ReadAllLines(Path.Combine(RepoRoot(), "src", "StrategyLayer.Mapping", "README.md"));
        var start = Array.IndexOf(readme, "### Examples");
        var examples = readme.Skip(start + 1).SkipWhile(l => l != "```").Skip(1).TakeWhile(l => l != "```").ToList();
        Assert.True(examples.Count >= 8);
        foreach (var example in examples)
        {
            Assert.True(Query.CompiledQuery.TryCompile(example, Query.FieldCatalog.Open, Items.AsOf, out _, out var errors), example + ": " + string.Join("; ", errors));
        }
    }

    [Fact]
    public async Task TheDemoTreeAndRulesLoadWithoutProblemsAndMapTheDemoStory()
    {
        var diagnostics = new List<Diagnostic>();
        var tree = await StrategyFile.LoadAsync(ConfigFile("strategy.json"), diagnostics, CancellationToken.None);
        var rules = tree is null ? null : await RulesFile.LoadAsync(ConfigFile("rules.json"), tree, [], diagnostics, CancellationToken.None);
        Assert.Empty(diagnostics.Select(d => d.ToString()));
        Assert.NotNull(rules);
        // The story is written for 2026-11 and told in whatever month the demo runs.
        Assert.Equal("2026-11", tree!.PeriodsRelativeTo);
        var later = tree.AnchoredTo(Domain.Reporting.ReportingPeriod.Parse("2028-05"));
        foreach (var id in new[] { "M-PCI-TOKEN", "M-CLOUD-APPS", "M-SD-SELFSERVICE", "M-SD-MTTR", "M-RUN-COST" })
        {
            Assert.NotNull(tree.FindMeasure(id));
            Assert.True(tree.FindMeasure(id)!.Kpi.Planned.ContainsKey("2026-11"));
            Assert.Equal(tree.FindMeasure(id)!.Kpi.Planned["2026-11"], later.FindMeasure(id)!.Kpi.Planned["2028-05"]);
        }

        var engine = new MappingEngine(tree!, rules, Items.AsOf);
        Assert.Equal("M-PCI-TOKEN", engine.Decide(Items.Issue("PAY-1", i => i with { Labels = ["tokenization"] })).MeasureId);
        Assert.Equal("M-CLOUD-APPS", engine.Decide(Items.Issue("CLOUD-1", i => i with { Components = ["Landing Zone"] })).MeasureId);
        Assert.Equal("M-SD-SELFSERVICE", engine.Decide(Items.Issue("WEB-1", i => i with { Labels = ["chatbot"] })).MeasureId);
        Assert.Equal("M-SD-MTTR", engine.Decide(Items.Incident("INC1", "Service Desk", 2)).MeasureId);
        Assert.Null(engine.Decide(Items.Incident("INC2", "Service Desk", 3)).MeasureId);
        Assert.Equal("M-RUN-COST", engine.Decide(Items.Incident("CHG1", "Cloud Ops", 3, i => i with { Kind = WorkItemKind.Change, Type = "Cost optimisation" })).MeasureId);
        Assert.Equal("M-RUN-COST", engine.Decide(Items.Issue("OPS-1", i => i with { Labels = ["finops"] })).MeasureId);
        Assert.Null(engine.Decide(Items.Issue("DATA-1", i => i with { Labels = ["observability"], Components = ["Monitoring"] })).MeasureId);
        Assert.False(engine.IsInScope(Items.Issue("OPS-2", i => i with { Category = StatusCategory.Cancelled })));
    }
}
