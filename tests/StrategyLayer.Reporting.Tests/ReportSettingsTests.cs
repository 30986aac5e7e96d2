using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Reporting.Tests;

public sealed class ReportSettingsTests
{
    [Fact]
    public void The_status_object_of_the_config_overrides_only_the_thresholds_it_names()
    {
        var settings = ReportSettings.FromJson("""{ "blockerRedDays": 21, "potentialAmberPercent": 5.5, /* comment */ "staleDays": 10 }""");

        Assert.Equal((21, 5.5, 10), (settings.BlockerRedDays, settings.PotentialAmberPercent, settings.StaleDays));
        Assert.Equal(ReportSettings.Default.DecisionBlockerDays, settings.DecisionBlockerDays);
        Assert.Equal(ReportSettings.Default, ReportSettings.FromJson(null));
    }

    [Fact]
    public void Unknown_keys_bad_values_and_amber_beyond_red_are_diagnostics_naming_the_path()
    {
        var e = Assert.Throws<DiagnosticsException>(() => ReportSettings.FromJson(
            """{ "blokerRedDays": 3, "staleDays": "x", "maxRows": 2.5, "overdueShareAmber": 50, "overdueShareRed": 20 }""", "config/strategylayer.json"));

        Assert.Equal(
            ["status.blokerRedDays", "status.staleDays", "status.maxRows", "status.overdueShareAmber"],
            e.Diagnostics.Select(d => d.Path));
        Assert.All(e.Diagnostics, d => Assert.Equal("config/strategylayer.json", d.File));
    }
}
