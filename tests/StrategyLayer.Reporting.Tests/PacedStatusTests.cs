using Microsoft.Extensions.Time.Testing;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Reporting.Model;
using StrategyLayer.Reporting.Tests.Support;

namespace StrategyLayer.Reporting.Tests;

/// <summary>
/// The value (Potential) status at three points of November, on the clock of a FakeTimeProvider.
/// Card data tokenized is 25% done; its plan is 20% for October and 40% for November.
/// </summary>
public sealed class PacedStatusTests
{
    private static readonly DateTimeOffset FirstMorning = new(2026, 11, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MidMonth = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastEvening = new(2026, 11, 30, 18, 0, 0, TimeSpan.Zero);

    private static async Task<MeasureView> TokenizedAt(DateTimeOffset now, KpiPacing? pacing = null)
    {
        var builder = DemoPortfolio.Builder(DemoPortfolio.Store(), tree: DemoPortfolio.Tree(tokenPacing: pacing), time: new FakeTimeProvider(now));
        var model = await builder.BuildAsync(new ReportRequest(DemoPortfolio.November, ReportScope.Portfolio), CancellationToken.None);
        return model.Measures.Single(m => m.Id == "M-PCI-TOKEN");
    }

    [Fact]
    public async Task A_computed_kpi_is_held_to_its_plan_paced_linearly_through_the_period_green_early_amber_mid_month_red_at_the_end()
    {
        var early = await TokenizedAt(FirstMorning);
        var middle = await TokenizedAt(MidMonth);
        var late = await TokenizedAt(LastEvening);

        Assert.Equal(("linear", 20.2, "green"), (early.Pacing, early.PlannedNow!.Value, early.Potential.Status));
        Assert.Equal((30.0, "amber"), (middle.PlannedNow!.Value, middle.Potential.Status));
        Assert.Equal((39.8, "red"), (late.PlannedNow!.Value, late.Potential.Status));
        Assert.Equal(
            "Actual 25% vs planned 30% at 50% of 2026-11 (paced linearly from 20%, the 2026-10 plan, to 40%): behind plan by 16.7% of plan (higher is better).",
            middle.Potential.Reasons.Single().Text);
        Assert.All(new[] { early, middle, late }, m => Assert.Equal(40, m.Planned));
    }

    [Fact]
    public async Task The_whole_period_rule_holds_the_full_plan_from_the_first_day_and_says_so()
    {
        var early = await TokenizedAt(FirstMorning, KpiPacing.WholePeriod);

        Assert.Equal(("whole-period", 40.0, "red"), (early.Pacing, early.PlannedNow!.Value, early.Potential.Status));
        Assert.StartsWith("Actual 25% vs planned 40% for 2026-11: behind plan by 37.5% of plan", early.Potential.Reasons.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_period_end_rule_holds_the_previous_plan_until_the_period_has_ended()
    {
        var middle = await TokenizedAt(MidMonth, KpiPacing.PeriodEnd);
        var ended = await DemoPortfolio.Builder(DemoPortfolio.Store(), tree: DemoPortfolio.Tree(tokenPacing: KpiPacing.PeriodEnd), time: new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero)))
            .BuildAsync(new ReportRequest(DemoPortfolio.November, ReportScope.Portfolio), CancellationToken.None);

        Assert.Equal((20.0, "green"), (middle.PlannedNow!.Value, middle.Potential.Status));
        Assert.Contains("2026-11's 40% is due at its end", middle.Potential.Reasons.Single().Text, StringComparison.Ordinal);
        var atEnd = ended.Measures.Single(m => m.Id == "M-PCI-TOKEN");
        Assert.Equal((40.0, "red"), (atEnd.PlannedNow!.Value, atEnd.Potential.Status));
    }

    [Fact]
    public async Task A_kpi_without_a_plan_for_the_previous_period_is_paced_from_its_baseline()
    {
        // P1/P2 within SLA: baseline 60, plan 50 for November only, actual 50%.
        var builder = DemoPortfolio.Builder(DemoPortfolio.Store(), time: new FakeTimeProvider(MidMonth));
        var model = await builder.BuildAsync(new ReportRequest(DemoPortfolio.November, ReportScope.Portfolio), CancellationToken.None);

        var mttr = model.Measures.Single(m => m.Id == "M-SD-MTTR");
        Assert.Equal(55, mttr.PlannedNow);
        Assert.Contains("paced linearly from 60%, the baseline, to 50%", mttr.Potential.Reasons.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task How_statuses_are_set_names_each_pacing_rule_and_the_measures_it_applies_to()
    {
        var model = await DemoPortfolio.Builder(DemoPortfolio.Store())
            .BuildAsync(new ReportRequest(DemoPortfolio.November, ReportScope.Portfolio, DemoPortfolio.AsOf), CancellationToken.None);

        Assert.Contains(model.StatusRules, r => r.StartsWith("Paced linearly (M-PCI-TOKEN, M-SD-MTTR):", StringComparison.Ordinal));
        Assert.Contains(model.StatusRules, r => r.StartsWith("Whole period (M-RUN-COST):", StringComparison.Ordinal));
        Assert.Contains(model.StatusRules, r => r.StartsWith("Blocker age: from when the dependency was first seen", StringComparison.Ordinal));
    }
}
