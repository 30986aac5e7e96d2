using System.Text.Json;
using StrategyLayer.Domain.Items;
using StrategyLayer.Mapping.Rules;
using StrategyLayer.Mapping.Tests.Support;

namespace StrategyLayer.Mapping.Tests;

public sealed class CoverageAndSuggestionTests : IAsyncLifetime, IDisposable
{
    private readonly StoreFile _file = new();

    public async Task InitializeAsync()
    {
        await _file.Put(
            Items.Issue("PAY-1", i => i with { Labels = ["pci"], Estimate = 8 }),
            Items.Issue("PAY-2", i => i with { Labels = ["pci"], Estimate = 2 }),
            Items.Issue("PAY-3", i => i with { Estimate = 5 }),
            Items.Issue("DATA-1", i => i with { Labels = ["observability"], Components = ["Monitoring"], Estimate = 3 }),
            Items.Issue("DATA-2", i => i with { Labels = ["observability"], Components = ["Monitoring"], Estimate = 3 }),
            Items.Issue("DATA-3", i => i with { Labels = ["observability"], Components = ["Monitoring"], Estimate = 1 }),
            Items.Issue("DATA-4", i => i with { Labels = ["observability", "selfservice"] }),
            Items.Issue("WEB-1", i => i with { Labels = ["ux", "selfservice"] }),
            Items.Issue("WEB-2", i => i with { Labels = ["ux", "selfservice"] }),
            Items.Issue("WEB-3", i => i with { Labels = ["ux"] }),
            Items.Issue("WEB-4", i => i with { Labels = ["ux"] }),
            Items.Issue("WEB-5", i => i with { Labels = ["ux"] }),
            Items.Issue("WEB-6", i => i with { Labels = ["ux"], Category = StatusCategory.Cancelled }),
            Items.Incident("PRB0001", "Database Admins", 3, i => i with { Kind = WorkItemKind.Problem, Table = "problem", Project = "problem" }),
            Items.Incident("PRB0002", "Database Admins", 3, i => i with { Kind = WorkItemKind.Problem, Table = "problem", Project = "problem" }),
            Items.Incident("PRB0003", "Database Admins", 4, i => i with { Kind = WorkItemKind.Problem, Table = "problem", Project = "problem" }));
        await MapRun.ExecuteAsync(_file.Store, Trees.With("M-PCI", "M-SELF"), Rules, Items.AsOf, null, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static RuleSet Rules => Trees.Rules(
        "category != cancelled",
        ("pci", "project = PAY and labels = pci", "M-PCI"),
        ("self", "labels = selfservice", "M-SELF"));

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task MapCountsInScopeItemsAsMappedOrUntrackedAndOutOfScopeItemsApartEvenWhenARuleMatchesThem()
    {
        // WEB-7 is cancelled (out of scope) yet a rule matches it: it maps, but is counted apart.
        await _file.Put(Items.Issue("WEB-7", i => i with { Labels = ["selfservice"], Category = StatusCategory.Cancelled }));
        var summary = await MapRun.ExecuteAsync(_file.Store, Trees.With("M-PCI", "M-SELF"), Rules, Items.AsOf, null, CancellationToken.None);

        Assert.Equal("M-SELF", (await _file.Store.LoadMappingsAsync(CancellationToken.None))[(await _file.Store.FindItemAsync("WEB-7", CancellationToken.None))!.Uid].MeasureId);
        Assert.Equal(15, summary.InScope);
        Assert.Equal(5, summary.Mapped);
        Assert.Equal(10, summary.Untracked);
        Assert.Equal(summary.InScope, summary.Mapped + summary.Untracked);
        Assert.Equal(2, summary.OutOfScope);
        Assert.Equal(5, summary.ByRule.Values.Sum());
    }

    [Fact]
    public async Task SuggestionsProposeARuleForEachUntrackedClusterAndTheMeasureItsMappedNeighboursUse()
    {
        var suggestions = UntrackedSuggester.Suggest((await _file.Items()), await _file.Store.LoadMappingsAsync(CancellationToken.None));

        var observability = suggestions.Single(s => s.Attribute == "labels" && s.Value == "observability");
        Assert.Equal("project = DATA and labels = observability", observability.When);
        Assert.Equal(3, observability.Size);
        Assert.Equal("M-SELF", observability.Measure);

        var ux = suggestions.Single(s => s.Attribute == "labels" && s.Value == "ux");
        Assert.Equal("project = WEB and labels = ux", ux.When);
        Assert.Equal(3, ux.Size);
        Assert.Equal("M-SELF", ux.Measure);
        Assert.Equal(1.0, ux.MeasureShare);

        var dba = suggestions.Single(s => s.Attribute == "assignment_group");
        Assert.Equal("kind = problem and assignment_group = \"Database Admins\"", dba.When);
        Assert.Null(dba.Measure);
        using var snippet = JsonDocument.Parse(dba.Snippet);
        Assert.Equal(dba.When, snippet.RootElement.GetProperty("when").GetString());
        Assert.Equal("CHOOSE-A-MEASURE", snippet.RootElement.GetProperty("measure").GetString());
        Assert.Equal("untracked-problem-database-admins", snippet.RootElement.GetProperty("id").GetString());

        var monitoring = suggestions.Single(s => s.Attribute == "components");
        Assert.Equal("project = DATA and components = Monitoring", monitoring.When);
        Assert.Null(monitoring.Measure);
        Assert.DoesNotContain(suggestions, s => s.Size < 3);
        Assert.Equal(suggestions.Select(s => s.Size).OrderDescending(), suggestions.Select(s => s.Size));
    }

    [Fact]
    public async Task EverySuggestedRuleCompilesAndMapsExactlyItsCluster()
    {
        var mappings = await _file.Store.LoadMappingsAsync(CancellationToken.None);
        var untracked = (await _file.Items()).Where(i => mappings[i.Uid].Untracked).ToList();
        foreach (var s in UntrackedSuggester.Suggest((await _file.Items()), mappings))
        {
            var query = Query.CompiledQuery.Compile(s.When, Query.FieldCatalog.Open, Items.AsOf);
            Assert.Equal(s.Size, untracked.Count(query.Matches));
        }
    }
}
