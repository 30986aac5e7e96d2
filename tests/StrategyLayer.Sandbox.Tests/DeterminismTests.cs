namespace StrategyLayer.Sandbox.Tests;

public class DeterminismTests
{
    private static async Task<string> SnapshotAsync(int seed)
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Size = "small", Seed = seed }, TimeProvider.System, CancellationToken.None);
        using var http = new HttpClient();
        var jira = await http.GetStringAsync(sandbox.JiraCloudUrl + "/rest/api/3/search/jql?fields=*all&maxResults=100&jql=" + Uri.EscapeDataString("project in (PAY, OPS) ORDER BY key ASC"));
        var dc = await http.GetStringAsync(sandbox.JiraDataCenterUrl + "/rest/api/2/search?maxResults=100&jql=" + Uri.EscapeDataString("project = WEB ORDER BY key ASC"));
        var sn = await http.GetStringAsync(sandbox.ServiceNowUrl + "/api/now/table/change_request?sysparm_limit=100&sysparm_display_value=all");
        return (jira + dc + sn).Replace(sandbox.BaseUrl, "BASE", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_seed_serves_the_same_data_and_another_seed_serves_different_data()
    {
        var a = await SnapshotAsync(99);
        var b = await SnapshotAsync(99);
        var c = await SnapshotAsync(100);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.True(a.Length > 100_000);
    }

    [Fact]
    public async Task Large_keeps_only_a_compact_index_in_memory()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Size = "large", Seed = 1 }, TimeProvider.System, CancellationToken.None);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Equal(210_000, sandbox.Counts().Jira);
        Assert.Equal(90_000, sandbox.Counts().ServiceNow);

        // ~300k items in well under 100 MB: the data set itself is generated on request.
        Assert.True(after - before < 100L * 1024 * 1024, $"index took {(after - before) / 1024 / 1024} MB");
        using var http = new HttpClient();
        var page = await http.GetStringAsync(sandbox.ServiceNowUrl + "/api/now/table/incident?sysparm_limit=100&sysparm_offset=50000");
        Assert.Contains("INC00", page, StringComparison.Ordinal);
    }
}
