using StrategyLayer.Domain.Strategy;
using StrategyLayer.Mapping.Rules;

namespace StrategyLayer.Mapping.Tests.Support;

internal static class Trees
{
    /// <summary>A tree with one measure per id, under one package.</summary>
    public static StrategyTree With(params string[] measureIds) => new(new Organization
    {
        Id = "ORG",
        Name = "Org",
        Portfolios =
        [
            new Portfolio
            {
                Id = "P", Name = "P",
                Programs = [new Program { Id = "PR", Name = "PR", Projects = [new Project { Id = "PJ", Name = "PJ",
                    MeasurePackages = [new MeasurePackage { Id = "MP", Name = "MP",
                        Measures = [.. measureIds.Select(id => new Measure { Id = id, Name = id, Kpi = new Kpi { Target = 1, Actual = new ComputedActual(ComputedKind.Count) } })] }] }] }],
            },
        ],
    });

    public static RuleSet Rules(string? inScope, params (string Id, string When, string Measure)[] rules) =>
        new(inScope, [], [.. rules.Select(r => new MappingRule(r.Id, r.When, r.Measure))]);
}
