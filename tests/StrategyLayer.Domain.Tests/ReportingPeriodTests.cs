using StrategyLayer.Domain.Reporting;
using Xunit;

namespace StrategyLayer.Domain.Tests;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2026-11", PeriodKind.Month, "2026-11-01", "2026-12-01")]
    [InlineData("2026-Q4", PeriodKind.Quarter, "2026-10-01", "2027-01-01")]
    [InlineData("2026-q1", PeriodKind.Quarter, "2026-01-01", "2026-04-01")]
    [InlineData("2026-W48", PeriodKind.Week, "2026-11-23", "2026-11-30")]
    [InlineData("2027-W01", PeriodKind.Week, "2027-01-04", "2027-01-11")]
    public void A_period_name_parses_to_its_kind_and_dates(string name, PeriodKind kind, string start, string end)
    {
        var period = ReportingPeriod.Parse(name);

        Assert.Equal(kind, period.Kind);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(name.ToUpperInvariant(), period.Name.ToUpperInvariant());
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-Q5")]
    [InlineData("2026-W54")]
    [InlineData("2026/11")]
    [InlineData("")]
    [InlineData("november")]
    public void A_malformed_period_does_not_parse(string text) => Assert.False(ReportingPeriod.TryParse(text, out _));

    [Fact]
    public void The_previous_period_crosses_year_boundaries()
    {
        Assert.Equal("2025-12", ReportingPeriod.Parse("2026-01").Previous.Name);
        Assert.Equal("2025-Q4", ReportingPeriod.Parse("2026-Q1").Previous.Name);
        Assert.Equal("2025-W52", ReportingPeriod.Parse("2026-W01").Previous.Name);
    }

    [Fact]
    public void The_period_ends_at_midnight_in_the_configured_time_zone()
    {
        var lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");

        var end = ReportingPeriod.Parse("2026-06").EndInstant(lisbon);

        Assert.Equal(new DateTimeOffset(2026, 6, 30, 23, 0, 0, TimeSpan.Zero), end.ToUniversalTime());
    }

    [Fact]
    public void A_day_belongs_to_the_iso_week_of_its_year()
    {
        var period = ReportingPeriod.Containing(new DateOnly(2027, 1, 1), PeriodKind.Week);

        Assert.Equal("2026-W53", period.Name);
    }
}
