using StrategyLayer.Domain.Errors;
using StrategyLayer.Mapping.Files;
using StrategyLayer.Mapping.Tests.Support;

namespace StrategyLayer.Mapping.Tests;

public sealed class RulesFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<(Mapping.Rules.RuleSet? Rules, List<Diagnostic> Diagnostics)> LoadAsync(string text, params string[] customFields)
    {
        var path = _folder.Write("rules.json", text);
        var diagnostics = new List<Diagnostic>();
        var rules = await RulesFile.LoadAsync(path, Trees.With("M-PCI", "M-COST"), customFields, diagnostics, CancellationToken.None);
        return (rules, diagnostics);
    }

    [Fact]
    public async Task AGoodFileLoadsScopePinsAndOrderedRules()
    {
        var (rules, diagnostics) = await LoadAsync("""
            // comments are allowed
            { "inScope": "category != cancelled",
              "pins": [ { "item": "jira:OPS-4", "measure": "M-COST" } ],
              "rules": [
                { "id": "pci", "when": "project = PAY and labels in (pci, sox)", "measure": "M-PCI", "description": "card data" },
                { "id": "cost", "when": "labels = cost and story_owner is not empty", "measure": "M-COST" } ] }
            """, "story_owner");

        Assert.Empty(diagnostics);
        Assert.NotNull(rules);
        Assert.Equal("category != cancelled", rules.InScope);
        Assert.Equal(["pci", "cost"], rules.Rules.Select(r => r.Id));
        Assert.Equal("card data", rules.Rules[0].Description);
        Assert.Equal("M-COST", rules.Pins[0].MeasureId);
        Assert.Equal(["story_owner"], rules.CustomFields);
        Assert.Equal(5, rules.Rules[0].Location!.Line);
    }

    [Fact]
    public async Task ASyntaxErrorNamesTheRuleTheFileLineAndTheColumnInsideTheFile()
    {
        var (rules, diagnostics) = await LoadAsync("""
            { "rules": [
                { "id": "ok", "when": "project = PAY", "measure": "M-PCI" },
                { "id": "broken", "when": "project = PAY and labels in (pci sox)", "measure": "M-PCI" } ] }
            """);

        Assert.Null(rules);
        var d = Assert.Single(diagnostics);
        Assert.Contains("rule 'broken'", d.Message, StringComparison.Ordinal);
        Assert.Contains("expected ',' or ')'", d.Message, StringComparison.Ordinal);
        Assert.Equal(3, d.Line);
        var line = "    { \"id\": \"broken\", \"when\": \"project = PAY and labels in (pci sox)\", \"measure\": \"M-PCI\" } ] }";
        Assert.Equal(line.IndexOf("sox", StringComparison.Ordinal) + 1, d.Column);
        Assert.Equal("$.rules[1].when", d.Path);
        Assert.EndsWith("rules.json", d.File, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ColumnsCountEscapedQuotesAsTheyAreWrittenInTheFile()
    {
        var (_, diagnostics) = await LoadAsync("""
            { "rules": [ { "id": "q", "when": "team = \"Service Desk\" and colour = red", "measure": "M-PCI" } ] }
            """);

        var d = Assert.Single(diagnostics);
        var line = """{ "rules": [ { "id": "q", "when": "team = \"Service Desk\" and colour = red", "measure": "M-PCI" } ] }""";
        Assert.Equal(line.IndexOf("colour", StringComparison.Ordinal) + 1, d.Column);
        Assert.Contains("unknown field 'colour'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryProblemIsReportedTogetherWithItsPlace()
    {
        var (rules, diagnostics) = await LoadAsync("""
            { "inScope": "updated >= -180x",
              "pins": [ { "item": "jira:OPS-4", "measure": "M-NOPE" } ],
              "rules": [
                { "id": "a", "when": "project = PAY", "measure": "M-PCI" },
                { "id": "A", "when": "projcet = PAY", "measure": "M-MISSING" },
                { "id": "b", "when": "labels = x", "measure": "M-PCI", "colour": "red" },
                { "id": "c", "measure": "M-PCI" } ] }
            """);

        Assert.Null(rules);
        var text = string.Join("\n", diagnostics.Select(d => d.ToString()));
        Assert.Contains(diagnostics, d => d.Path == "$.inScope" && d.Message.Contains("is a date", StringComparison.Ordinal) && d.Line == 1);
        Assert.Contains(diagnostics, d => d.Message.Contains("'M-NOPE', which is not a measure", StringComparison.Ordinal) && d.Line == 2);
        Assert.Contains(diagnostics, d => d.Message.Contains("duplicate rule id 'A' (first used on line 4)", StringComparison.Ordinal) && d.Line == 5);
        Assert.Contains(diagnostics, d => d.Message.Contains("unknown field 'projcet' (did you mean 'project'?)", StringComparison.Ordinal) && d.Line == 5);
        Assert.Contains(diagnostics, d => d.Message.Contains("'M-MISSING'", StringComparison.Ordinal) && d.Path == "$.rules[1].measure");
        Assert.Contains(diagnostics, d => d.Message.Contains("unknown key 'colour'", StringComparison.Ordinal) && d.Line == 6);
        Assert.Contains(diagnostics, d => d.Message.Contains("missing required key 'when'", StringComparison.Ordinal) && d.Line == 7);
        Assert.True(diagnostics.Count >= 7, text);
    }

    [Fact]
    public async Task MalformedJsonAndAMissingFileAreDiagnosticsNotExceptions()
    {
        var (rules, diagnostics) = await LoadAsync("{ \"rules\": [ { \"id\": \"a\", } ");
        Assert.Null(rules);
        Assert.NotNull(Assert.Single(diagnostics).Line);

        var missing = new List<Diagnostic>();
        Assert.Null(await RulesFile.LoadAsync(Path.Combine(_folder.Path, "nope.json"), Trees.With("M"), [], missing, CancellationToken.None));
        Assert.Contains("file not found", missing[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEngineRefusesRulesForMeasuresOutsideTheTree()
    {
        var rules = Trees.Rules(null, ("x", "project = PAY", "M-ELSEWHERE"), ("y", "labels in (", "M-PCI"));
        var ex = Assert.Throws<DiagnosticsException>(() => new MappingEngine(Trees.With("M-PCI"), rules, Support.Items.AsOf));
        Assert.Equal(2, ex.Diagnostics.Count);
        Assert.Contains("unknown measure 'M-ELSEWHERE'", ex.Message, StringComparison.Ordinal);
    }
}
