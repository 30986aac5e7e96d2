using StrategyLayer.Domain.Reporting;

namespace StrategyLayer.Reporting.Building;

/// <summary>
/// Finds a KPI value (planned or entered) for a period. Plans are usually kept per month: a
/// quarter without its own value takes its last month that has one, a week the month it ends in.
/// </summary>
internal static class PeriodValues
{
    public static double? Lookup(IReadOnlyDictionary<string, double> values, ReportingPeriod period)
    {
        if (values.TryGetValue(period.Name, out var exact))
        {
            return exact;
        }

        switch (period.Kind)
        {
            case PeriodKind.Quarter:
                for (var month = period.End.AddMonths(-1); month >= period.Start; month = month.AddMonths(-1))
                {
                    if (values.TryGetValue(ReportingPeriod.Containing(month, PeriodKind.Month).Name, out var monthly))
                    {
                        return monthly;
                    }
                }

                return null;
            case PeriodKind.Week:
                return values.TryGetValue(ReportingPeriod.Containing(period.End.AddDays(-1), PeriodKind.Month).Name, out var ofMonth) ? ofMonth : null;
            default:
                return null;
        }
    }
}
