using System.Text.Json;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Mapping.Rules;
using StrategyLayer.Mapping.Tests.Support;

namespace StrategyLayer.Mapping.Tests;

public sealed class ExplainerTests : IAsyncLifetime, IDisposable
{
    private static readonly StrategyTree Tree = Trees.With("M-PCI", "M-COST");

    private static readonly RuleSet Rules = new(
        "category != cancelled",
        [new RulePin("jira:PAY-4", "M-COST")],
        [
            new MappingRule("pci", "project = PAY and labels in (pci, sox)", "M-PCI"),
            new MappingRule("cost", "labels = cost or components = Billing", "M-COST"),
        ]);

    private readonly StoreFile _file = new();
    private readonly MappingEngine _engine = new(Tree, Rules, Items.AsOf);

    public Task InitializeAsync() => _file.Put(
        Items.Issue("PAY-1", i => i with { Type = "Epic", Labels = ["pci"] }),
        Items.Issue("PAY-2", i => i with { Epic = "PAY-1", Labels = ["payments"] }),
        Items.Issue("PAY-3", i => i with { Type = "Sub-task", Parent = "PAY-2" }),
        Items.Issue("PAY-4", i => i with { Labels = ["pci"] }),
        Items.Issue("OPS-9", i => i with { Category = StatusCategory.Cancelled, Status = "Won't Do" }));

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task ExplainListsEveryRuleWithTheFirstFailedClauseAndTheInheritedPath()
    {
        var view = (await Explainer.ExplainAsync(_file.Store, _engine, "PAY-3", CancellationToken.None))!;

        Assert.Equal("jira:PAY-3", view.Id);
        Assert.Equal("M-PCI", view.Measure);
        Assert.Equal("inherited", view.DecidedBy.Kind);
        Assert.Equal("pci", view.DecidedBy.Rule);
        Assert.Equal(["jira:PAY-2", "jira:PAY-1"], view.DecidedBy.Via);
        Assert.Equal(2, view.Candidates.Count);
        Assert.False(view.Candidates[0].Matched);
        Assert.Equal("labels in (pci, sox)", view.Candidates[0].FailedAt!.Clause);
        Assert.Equal("[]", view.Candidates[0].FailedAt!.Saw);
        Assert.Equal("labels = cost or components = Billing", view.Candidates[1].FailedAt!.Clause);
        Assert.Contains("inherited M-PCI via jira:PAY-2 → jira:PAY-1 (rule pci)", view.Reason, StringComparison.Ordinal);
        Assert.Equal("PAY", view.Fields["project"]);
        Assert.Equal(["category", "project", "labels", "components"], view.Fields.Keys);
        Assert.Equal("parent", view.Ancestors[0].Relation);
    }

    [Fact]
    public async Task ExplainOfAStoryShowsTheValueItSawForTheFailedClause()
    {
        var view = (await Explainer.ExplainAsync(_file.Store, _engine, "jira:PAY-2", CancellationToken.None))!;
        Assert.Equal("labels in (pci, sox) saw [payments]", view.Candidates[0].FailedAt!.ToString());
        Assert.Equal(["jira:PAY-1"], view.DecidedBy.Via);
    }

    [Fact]
    public async Task ExplainOfAPinnedItemSaysPinEvenThoughARuleMatches()
    {
        var view = (await Explainer.ExplainAsync(_file.Store, _engine, "PAY-4", CancellationToken.None))!;
        Assert.Equal("pin", view.DecidedBy.Kind);
        Assert.Equal("M-COST", view.Pin);
        Assert.True(view.Candidates[0].Matched);
        Assert.Null(view.Candidates[0].FailedAt);
    }

    [Fact]
    public async Task ExplainOfAnOutOfScopeItemNamesTheScopeClauseThatFailed()
    {
        var view = (await Explainer.ExplainAsync(_file.Store, _engine, "OPS-9", CancellationToken.None))!;
        Assert.False(view.InScope);
        Assert.False(view.Untracked);
        Assert.Equal("none", view.DecidedBy.Kind);
        Assert.Equal("cancelled", view.ScopeFailedAt!.Saw);
        Assert.Null((await Explainer.ExplainAsync(_file.Store, _engine, "NOPE-1", CancellationToken.None)));
    }

    [Fact]
    public async Task ExplainSerializesToTheContractShape()
    {
        var json = JsonSerializer.Serialize((await Explainer.ExplainAsync(_file.Store, _engine, "PAY-3", CancellationToken.None)));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("jira:PAY-3", root.GetProperty("id").GetString());
        Assert.Equal("inherited", root.GetProperty("decidedBy").GetProperty("kind").GetString());
        Assert.Equal(2, root.GetProperty("decidedBy").GetProperty("via").GetArrayLength());
        Assert.Equal("labels in (pci, sox)", root.GetProperty("candidates")[0].GetProperty("failedAt").GetProperty("clause").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("fields").GetProperty("labels").ValueKind);
    }
}
