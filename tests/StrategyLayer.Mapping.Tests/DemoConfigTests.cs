using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;
using StrategyLayer.Mapping.Files;
using StrategyLayer.Mapping.Tests.Support;

namespace StrategyLayer.Mapping.Tests;

/// <summary>The demo's config/strategy.json and config/rules.json load cleanly and say what the demo story says.</summary>
public class DemoConfigTests
{
    private static string ConfigFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config", name);
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "StrategyLayer.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("config/" + name + " not found above the test folder");
    }

    [Fact]
    public void TheDemoTreeAndRulesLoadWithoutProblemsAndMapTheDemoStory()
    {
        var diagnostics = new List<Diagnostic>();
        var tree = StrategyFile.Load(ConfigFile("strategy.json"), diagnostics);
        var rules = tree is null ? null : RulesFile.Load(ConfigFile("rules.json"), tree, [], diagnostics);
        Assert.Empty(diagnostics.Select(d => d.ToString()));
        Assert.NotNull(rules);
        foreach (var id in new[] { "M-PCI-TOKEN", "M-CLOUD-APPS", "M-SD-SELFSERVICE", "M-SD-MTTR", "M-RUN-COST" })
        {
            Assert.NotNull(tree!.FindMeasure(id));
            Assert.True(tree.FindMeasure(id)!.Kpi.Planned.ContainsKey("2026-11"));
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
