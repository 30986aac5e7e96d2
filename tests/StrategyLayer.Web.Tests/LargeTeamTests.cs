using System.Diagnostics;
using System.Net;
using StrategyLayer.Web.Tests.Support;
using Xunit.Abstractions;

namespace StrategyLayer.Web.Tests;

/// <summary>A store where one team has over 5,000 items.</summary>
public sealed class LargeTeamServer : LoopbackServer
{
    public LargeTeamServer()
        : base(extraWebItems: 5_000)
    {
    }
}

public sealed class LargeTeamTests(LargeTeamServer server, ITestOutputHelper output) : IClassFixture<LargeTeamServer>
{
    [Theory]
    [InlineData("/items?team=WEB", "5003 items, showing 1–50")]
    [InlineData("/items?team=WEB&offset=4950", "5003 items, showing 4951–5000")]
    [InlineData("/items?team=WEB&q=status%20!%3D%20Done%20and%20labels%20in%20(selfservice)", "5003 items, showing 1–50")]
    public async Task A_team_page_of_5000_items_renders_in_under_a_second(string path, string expected)
    {
        await server.Warmed;
        using (var warm = await server.Client.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        var clock = Stopwatch.StartNew();
        using var response = await server.Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        clock.Stop();
        output.WriteLine("{0}: {1} ms", path, clock.ElapsedMilliseconds);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, html);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task The_bench_hook_times_the_largest_team_page()
    {
        var timing = await WebBench.TeamPageAsync(server.Demo.Options(), server.Demo.Store);
        output.WriteLine("{0}", timing);

        Assert.Equal("WEB", timing.Team);
        Assert.Equal(5003, timing.Items);
        Assert.InRange(timing.RepeatSeconds, 0, 1);
        Assert.True(timing.HtmlChars > 10_000);
        Assert.Null(timing.WriterRunning);
    }

    [Fact]
    public async Task The_bench_hook_times_the_page_while_a_writer_runs_says_so_and_waits_for_the_writer()
    {
        var finished = false;
        var during = await WebBench.TeamPageWhileAsync(server.Demo.Options(), server.Demo.Store, null, "WEB", async t => { await Task.Delay(TimeSpan.FromSeconds(3), t); finished = true; }, CancellationToken.None);
        var after = await WebBench.TeamPageWhileAsync(server.Demo.Options(), server.Demo.Store, null, "WEB", _ => Task.CompletedTask, CancellationToken.None);

        Assert.Equal(("WEB", 5003, true), (during.Team, during.Items, during.WriterRunning));
        Assert.True(finished, "the hook returned before its writer ended");
        Assert.False(after.WriterRunning);
    }

    [Fact]
    public async Task The_api_pages_deep_into_a_large_team_without_returning_it_all()
    {
        using var response = await server.Client.GetAsync("/api/items?team=WEB&offset=4990&limit=50");
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(5003, body.GetProperty("total").GetInt32());
        Assert.Equal(13, body.GetProperty("items").GetArrayLength());
    }
}
