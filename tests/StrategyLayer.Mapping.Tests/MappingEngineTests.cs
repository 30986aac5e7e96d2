using StrategyLayer.Mapping.Query;
using StrategyLayer.Mapping.Tests.Support;

namespace StrategyLayer.Mapping.Tests;

public class MappingEngineTests
{
    [Fact]
    public void TheFirstMatchingRuleWinsWhetherOrNotItNamesAProject()
    {
        var rules = Trees.Rules(
            null,
            ("pay-sox", "project = PAY and labels = sox", "M-1"),
            ("any-x", "labels = x", "M-2"),
            ("pay-or-web", "project in (pay, WEB)", "M-3"),
            ("either", "(project = OPS and labels = y) or (project = DATA)", "M-4"),
            ("not-pay", "project != PAY", "M-5"));
        var engine = new MappingEngine(Trees.With("M-1", "M-2", "M-3", "M-4", "M-5"), rules, Items.AsOf);

        Assert.Equal("any-x", engine.Decide(Items.Issue("PAY-1", i => i with { Labels = ["x"] })).Rule);
        Assert.Equal("pay-sox", engine.Decide(Items.Issue("PAY-2", i => i with { Labels = ["sox", "x"] })).Rule);
        Assert.Equal("pay-or-web", engine.Decide(Items.Issue("WEB-1")).Rule);
        Assert.Equal("pay-or-web", engine.Decide(Items.Issue("PAY-3")).Rule);
        Assert.Equal("either", engine.Decide(Items.Issue("DATA-1")).Rule);
        Assert.Equal("either", engine.Decide(Items.Issue("OPS-1", i => i with { Labels = ["y"] })).Rule);
        Assert.Equal("not-pay", engine.Decide(Items.Issue("OPS-2")).Rule);
        Assert.Equal("not-pay", engine.Decide(Items.Issue("CLOUD-1", i => i with { Project = null })).Rule);
        Assert.Equal("any-x", engine.Decide(Items.Issue("CLOUD-2", i => i with { Project = null, Labels = ["x"] })).Rule);
    }

    [Theory]
    [InlineData("project = PAY and labels = pci", "PAY")]
    [InlineData("labels = pci and project in (PAY, WEB)", "PAY,WEB")]
    [InlineData("(project = PAY) or project = OPS", "PAY,OPS")]
    [InlineData("project = PAY or labels = pci", null)]
    [InlineData("not project = PAY", null)]
    [InlineData("project != PAY", null)]
    [InlineData("project ~ PA", null)]
    public void OnlyQueriesThatRequireAProjectAreSkippedForOthers(string query, string? required)
    {
        var values = CompiledQuery.Compile(query, FieldCatalog.Open, Items.AsOf).RequiredValues("project");
        Assert.Equal(required, values is null ? null : string.Join(",", values));
    }
}
