namespace StrategyLayer.Domain.Strategy;

/// <summary>Organization → Portfolio → Program → Project → Measure Package → Measure.</summary>
public sealed record StrategyTree(Organization Organization)
{
    public IEnumerable<Measure> Measures =>
        Organization.Portfolios.SelectMany(p => p.Programs).SelectMany(g => g.Projects)
            .SelectMany(j => j.MeasurePackages).SelectMany(m => m.Measures);

    public Measure? FindMeasure(string id) =>
        Measures.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));
}

public sealed record Organization : StrategyNode
{
    public IReadOnlyList<Portfolio> Portfolios { get; init; } = [];
}

public sealed record Portfolio : StrategyNode
{
    public IReadOnlyList<Program> Programs { get; init; } = [];
}

public sealed record Program : StrategyNode
{
    public IReadOnlyList<Project> Projects { get; init; } = [];
}

public sealed record Project : StrategyNode
{
    public IReadOnlyList<MeasurePackage> MeasurePackages { get; init; } = [];
}

public sealed record MeasurePackage : StrategyNode
{
    public IReadOnlyList<Measure> Measures { get; init; } = [];
}

public sealed record Measure : StrategyNode
{
    public required Kpi Kpi { get; init; }
}
