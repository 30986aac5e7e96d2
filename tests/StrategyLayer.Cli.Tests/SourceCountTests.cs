using Microsoft.Extensions.Logging.Abstractions;
using StrategyLayer.Cli.Commands;
using StrategyLayer.Connectors.Contract;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// The totals behind the progress bar, asked of the sandbox over HTTP: Jira Cloud's approximate
/// count, Data Center's search total and ServiceNow's X-Total-Count, for a first sync and after a cursor.
/// </summary>
public sealed class SourceCountTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("jira-cloud")]
    [InlineData("jira-datacenter")]
    public async Task A_jira_source_counts_what_a_first_sync_will_read(string type)
    {
        await using var source = SourceFactory.Create(Settings(type), NullLoggerFactory.Instance, TimeProvider.System);

        var count = await source.CountChangesAsync("", null, CancellationToken.None);

        Assert.Equal(fixture.Sandbox.Counts().JiraProjects["PAY"], count);
    }

    [Fact]
    public async Task A_servicenow_source_counts_each_table_and_fewer_after_a_recent_cursor()
    {
        await using var source = SourceFactory.Create(Settings("servicenow"), NullLoggerFactory.Instance, TimeProvider.System);

        foreach (var table in new[] { "incident", "change_request", "problem" })
        {
            Assert.Equal(fixture.Sandbox.Counts().ServiceNowTables[table], await source.CountChangesAsync(table, null, CancellationToken.None));
        }

        var recent = await source.CountChangesAsync("incident", new SyncCursor(fixture.Sandbox.Now.AddDays(-2), null), CancellationToken.None);
        Assert.InRange(recent!.Value, 0, fixture.Sandbox.Counts().ServiceNowTables["incident"] - 1);
    }

    private SourceSettings Settings(string type) => new()
    {
        Name = type,
        Type = type,
        BaseUrl = new Uri(type switch
        {
            "jira-cloud" => fixture.Sandbox.JiraCloudUrl,
            "jira-datacenter" => fixture.Sandbox.JiraDataCenterUrl,
            _ => fixture.Sandbox.ServiceNowUrl,
        }),
        Scope = type.StartsWith("jira", StringComparison.Ordinal) ? "project = PAY ORDER BY updated" : "",
        Tables = type == "servicenow" ? ["incident", "change_request", "problem"] : [],
    };
}
