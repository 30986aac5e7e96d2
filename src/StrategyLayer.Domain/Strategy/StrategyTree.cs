using StrategyLayer.Domain.Reporting;

namespace StrategyLayer.Domain.Strategy;

/// <summary>Organization → Portfolio → Program → Project → Measure Package → Measure.</summary>
public sealed record StrategyTree(Organization Organization)
{
    /// <summary>
    /// Set when the tree's KPI months are written relative to a month (strategy.json
    /// <c>periodsRelativeTo</c>, e.g. <c>2026-11</c>): the tree then reads as if that month were the
    /// current one (<see cref="AnchoredTo"/>). The demo's tree does this so that its story is told in the
    /// month it runs; a real tree leaves it out.
    /// </summary>
    public string? PeriodsRelativeTo { get; init; }

    /// <summary>KPI values the files could not use (bad CSV rows): the tree loads without them.</summary>
    public IReadOnlyList<UnusableValue> UnusableValues { get; init; } = [];

    public IEnumerable<Measure> Measures =>
        Organization.Portfolios.SelectMany(p => p.Programs).SelectMany(g => g.Projects)
            .SelectMany(j => j.MeasurePackages).SelectMany(m => m.Measures);

    public Measure? FindMeasure(string id) =>
        Measures.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The tree as read in <paramref name="current"/>: with <see cref="PeriodsRelativeTo"/> set, every
    /// month key of planned and entered values moves by the months between it and the current month
    /// (with <c>2026-11</c> and a current month of 2027-02, a value for 2026-10 counts for 2027-01).
    /// Without it, the tree itself.
    /// </summary>
    public StrategyTree AnchoredTo(ReportingPeriod current)
    {
        if (PeriodsRelativeTo is null || !ReportingPeriod.TryParse(PeriodsRelativeTo, out var reference) || reference.Kind != PeriodKind.Month)
        {
            return this;
        }

        var months = MonthIndex(current.Start) - MonthIndex(reference.Start);
        if (months == 0)
        {
            return this;
        }

        Kpi Shift(Kpi kpi) => kpi with
        {
            Planned = ShiftKeys(kpi.Planned, months),
            Actual = kpi.Actual is EnteredActual entered ? entered with { Values = ShiftKeys(entered.Values, months) } : kpi.Actual,
        };

        return this with
        {
            Organization = Organization with
            {
                Portfolios = [.. Organization.Portfolios.Select(p => p with
                {
                    Programs = [.. p.Programs.Select(g => g with
                    {
                        Projects = [.. g.Projects.Select(j => j with
                        {
                            MeasurePackages = [.. j.MeasurePackages.Select(k => k with
                            {
                                Measures = [.. k.Measures.Select(m => m with { Kpi = Shift(m.Kpi) })],
                            })],
                        })],
                    })],
                })],
            },
        };
    }

    private static int MonthIndex(DateOnly day) => (day.Year * 12) + day.Month - 1;

    private static Dictionary<string, double> ShiftKeys(IReadOnlyDictionary<string, double> values, int months)
    {
        var shifted = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            var name = ReportingPeriod.TryParse(key, out var period) && period.Kind == PeriodKind.Month
                ? ReportingPeriod.Containing(period.Start.AddMonths(months), PeriodKind.Month).Name
                : key;
            shifted[name] = value;
        }

        return shifted;
    }
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
