using Microsoft.Extensions.Time.Testing;

namespace StrategyLayer.Sandbox.Tests;

public class DeterminismTests
{
    private static readonly DateTimeOffset Anchor = new(2027, 3, 15, 0, 0, 0, TimeSpan.Zero);

    private static Task<string> SnapshotAsync(int seed) => SnapshotAsync(new SandboxOptions { Size = "small", Seed = seed, Now = Anchor }, TimeProvider.System);

    private static async Task<string> SnapshotAsync(SandboxOptions options, TimeProvider time)
    {
        await using var sandbox = await SandboxServer.StartAsync(options, time, CancellationToken.None);
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
    public async Task Without_a_now_the_world_is_built_relative_to_the_start_of_the_day_it_runs_on_its_clock()
    {
        var options = new SandboxOptions { Size = "small", Seed = 99 };
        var morning = await SnapshotAsync(options, new FakeTimeProvider(Anchor.AddHours(7.1)));
        var evening = await SnapshotAsync(options, new FakeTimeProvider(Anchor.AddHours(22.6)));
        var nextDay = await SnapshotAsync(options, new FakeTimeProvider(Anchor.AddDays(1).AddHours(7.1)));

        // Deterministic for the day: any time that day serves what a sandbox pinned to its start serves.
        Assert.Equal(morning, evening);
        Assert.Equal(await SnapshotAsync(99), morning);
        Assert.NotEqual(morning, nextDay);

        await using var sandbox = await SandboxServer.StartAsync(options, new FakeTimeProvider(Anchor.AddHours(15)), CancellationToken.None);
        Assert.Equal(Anchor, sandbox.Now);
        using var http = new HttpClient();
        var newest = await http.GetStringAsync(sandbox.JiraCloudUrl + "/rest/api/3/search/jql?fields=updated&maxResults=1&jql=" + Uri.EscapeDataString("project in (PAY, WEB, CLOUD, OPS, DATA) ORDER BY updated DESC"));
        using var doc = System.Text.Json.JsonDocument.Parse(newest);
        var updated = doc.RootElement.GetProperty("issues")[0].GetProperty("fields").GetProperty("updated").GetString();
        Assert.StartsWith("2027-03-14T23:", updated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Large_keeps_only_a_compact_index_in_memory()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Size = "large", Seed = 1 }, CancellationToken.None);
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
