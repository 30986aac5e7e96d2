using StrategyLayer.Cli.Commands;
using StrategyLayer.Configuration;
using StrategyLayer.Domain.Errors;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// A configured source becomes its connector's settings: the connector's own defaults first (the
/// configuration knows none), then whatever the config file says.
/// </summary>
public sealed class SourceFactoryTests
{
    private static SourceConfig Config(string type) => new() { Name = "src", Type = type, BaseUrl = new Uri("https://example.invalid/") };

    [Fact]
    public void A_servicenow_source_the_file_says_little_about_gets_the_servicenow_connectors_tables_and_page_size()
    {
        var settings = SourceFactory.Settings(Config("servicenow"));

        Assert.Equal(["incident", "change_request", "problem"], settings.Tables);
        Assert.Equal(1000, settings.PageSize);
        Assert.Equal(TimeSpan.FromMinutes(10), settings.Overlap);
    }

    [Fact]
    public void A_jira_source_the_file_says_little_about_gets_the_jira_connectors_defaults()
    {
        var settings = SourceFactory.Settings(Config("jira-cloud"));

        Assert.Empty(settings.Tables);
        Assert.Equal(100, settings.PageSize);
        Assert.Contains("Won't Do", settings.NotDoneResolutions);
    }

    [Fact]
    public void What_the_file_says_wins_over_the_connectors_defaults()
    {
        var config = Config("servicenow") with
        {
            Tables = ["rm_story"],
            PageSize = 250,
            Overlap = TimeSpan.FromMinutes(3),
            MaxRetries = 2,
            NotDoneResolutions = ["Rejected"],
            TeamField = "u_team",
        };

        var settings = SourceFactory.Settings(config);

        Assert.Equal(["rm_story"], settings.Tables);
        Assert.Equal(250, settings.PageSize);
        Assert.Equal(TimeSpan.FromMinutes(3), settings.Overlap);
        Assert.Equal(2, settings.Resilience.MaxRetries);
        Assert.Equal(["Rejected"], settings.NotDoneResolutions);
        Assert.Equal("u_team", settings.TeamField);
        Assert.Equal("src", settings.Name);
    }

    [Fact]
    public void A_source_type_no_connector_serves_is_a_usage_error_naming_the_source()
    {
        var e = Assert.Throws<StrategyLayerException>(() => SourceFactory.Settings(Config("gitlab")));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Contains("'gitlab' of source 'src'", e.Message, StringComparison.Ordinal);
    }
}
