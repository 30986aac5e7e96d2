using Microsoft.Extensions.Logging.Abstractions;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Errors;
using Xunit;

namespace StrategyLayer.Connectors.Jira.Tests;

public class JiraSourceTests
{
    private static SourceSettings Settings(string type, Dictionary<string, string>? options = null) => new()
    {
        Name = "jira",
        Type = type,
        BaseUrl = new Uri("http://127.0.0.1:9"),
        Options = options ?? [],
    };

    [Fact]
    public void A_type_that_is_not_jira_is_a_usage_error_naming_the_source()
    {
        var e = Assert.Throws<StrategyLayerException>(() => JiraSource.Create(Settings("servicenow"), NullLoggerFactory.Instance, TimeProvider.System));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal("sources[jira].type", e.Where);
    }

    [Fact]
    public void A_bad_option_is_a_usage_error_naming_its_key()
    {
        var e = Assert.Throws<StrategyLayerException>(() =>
            JiraSource.Create(Settings("jira-datacenter", new() { ["sliceLimit"] = "lots" }), NullLoggerFactory.Instance, TimeProvider.System));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal("sources[jira].sliceLimit", e.Where);
    }

    [Fact]
    public async Task Both_flavours_are_served_with_one_partition()
    {
        await using var cloud = JiraSource.Create(Settings("jira-cloud"), NullLoggerFactory.Instance, TimeProvider.System);
        await using var dc = JiraSource.Create(Settings("JIRA-DATACENTER"), NullLoggerFactory.Instance, TimeProvider.System);

        Assert.Equal([""], cloud.Partitions);
        Assert.Equal("jira", dc.Name);
        Assert.True(JiraSource.Handles("jira-cloud") && !JiraSource.Handles("servicenow"));
    }

    [Fact]
    public void Options_are_read_from_json_text_or_bare_words()
    {
        var options = JiraOptions.From(Settings("jira-datacenter", new()
        {
            ["epicLinkField"] = "customfield_10008",
            ["timeZone"] = "\"Europe/Lisbon\"",
            ["sliceLimit"] = "5000",
            ["scopePageSize"] = "\"500\"",
            ["bulkFetchSize"] = "1000",
            ["somethingElse"] = "{\"ignored\": true}",
        }));

        Assert.Equal(
            new JiraOptions { EpicLinkField = "customfield_10008", TimeZone = "Europe/Lisbon", SliceLimit = 5000, ScopePageSize = 500, BulkFetchSize = 100 },
            options);
    }
}
