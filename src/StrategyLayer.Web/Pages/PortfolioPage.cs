using StrategyLayer.Reporting.Model;

namespace StrategyLayer.Web.Pages;

/// <summary>The strategy tree with both statuses, coverage, planned vs actual, for live or a stored snapshot.</summary>
public sealed record PortfolioPage : PageBase
{
    public required ReportModel Report { get; init; }

    public required bool Live { get; init; }

    public required IReadOnlyList<PeriodOption> Periods { get; init; }
}

/// <summary>An entry of the period picker: <c>live</c> or a stored snapshot's period.</summary>
public sealed record PeriodOption(string Value, string Label, bool Selected);
