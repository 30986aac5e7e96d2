using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Strategy;

namespace StrategyLayer.Reporting.Building;

/// <summary>
/// What a KPI's actual is compared with on the as-of day (<see cref="Bar"/>): the period's plan
/// paced by the measure's <see cref="KpiPacing"/>, from <see cref="From"/> (the previous period's
/// plan, or the baseline) at the period's start to <see cref="Planned"/> at its end.
/// </summary>
internal sealed record PacedPlan(double Bar, double Planned, double From, string FromLabel, KpiPacing Pacing, double ElapsedPercent)
{
    /// <summary>True once the period has ended, or when the pacing holds the whole plan from day one: the bar is the period's plan.</summary>
    public bool IsWholePlan => Pacing == KpiPacing.WholePeriod || ElapsedPercent >= 100;

    /// <summary>Null when the period has no planned value.</summary>
    public static PacedPlan? For(Kpi kpi, ReportingPeriod period, double elapsedPercent)
    {
        if (PeriodValues.Lookup(kpi.Planned, period) is not { } planned)
        {
            return null;
        }

        var previous = PeriodValues.Lookup(kpi.Planned, period.Previous);
        var from = previous ?? kpi.Baseline;
        var label = previous is null ? "the baseline" : "the " + period.Previous.Name + " plan";
        var share = Math.Clamp(elapsedPercent / 100, 0, 1);
        var pacing = kpi.EffectivePacing;
        var bar = pacing switch
        {
            KpiPacing.Linear => from + ((planned - from) * share),
            KpiPacing.PeriodEnd => share >= 1 ? planned : from,
            _ => planned,
        };
        return new PacedPlan(Math.Round(bar, 1), planned, from, label, pacing, Math.Clamp(elapsedPercent, 0, 100));
    }

    /// <summary>The name a strategy file gives the pacing.</summary>
    public static string Name(KpiPacing pacing) => pacing switch
    {
        KpiPacing.Linear => "linear",
        KpiPacing.PeriodEnd => "period-end",
        _ => "whole-period",
    };
}
