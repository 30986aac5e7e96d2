using System.Diagnostics;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Store;

namespace StrategyLayer.Web;

/// <summary>
/// What <c>bench</c> times for the web view: one team page (the largest team unless named) served
/// over real HTTP by a web view on a free loopback port, after its whole-store figures are warm.
/// </summary>
public static class WebBench
{
    public static async Task<TeamPageTiming> TeamPageAsync(WebServerOptions options, IStoreReader store, IItemFilterCompiler? filters = null, string? team = null, CancellationToken cancellationToken = default)
    {
        await using var server = await WebServer.StartAsync(options with { Urls = "http://127.0.0.1:0", BearerToken = null, Oidc = null }, store, filters, null, cancellationToken).ConfigureAwait(false);
        await server.Warmed.WaitAsync(cancellationToken).ConfigureAwait(false);
        var teams = await server.Views.TeamSizesAsync(cancellationToken).ConfigureAwait(false);
        var chosen = team is null ? teams.OrderByDescending(t => t.Value).Select(t => (KeyValuePair<string, int>?)t).FirstOrDefault()
            : teams.Where(t => string.Equals(t.Key, team, StringComparison.OrdinalIgnoreCase)).Select(t => (KeyValuePair<string, int>?)t).FirstOrDefault();
        if (chosen is not { } picked)
        {
            return new TeamPageTiming(team ?? "(none)", 0, 0, 0, 0);
        }

        using var client = new HttpClient { BaseAddress = new Uri(server.Url) };
        var path = "/items?team=" + Uri.EscapeDataString(picked.Key);
        var clock = Stopwatch.StartNew();
        var first = await client.GetStringAsync(path, cancellationToken).ConfigureAwait(false);
        var firstSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var again = await client.GetStringAsync(path, cancellationToken).ConfigureAwait(false);
        return new TeamPageTiming(picked.Key, picked.Value, firstSeconds, clock.Elapsed.TotalSeconds, Math.Max(first.Length, again.Length));
    }
}

/// <summary>A team page's timing: its first request (reads the team) and a repeat (served from what the first read).</summary>
public sealed record TeamPageTiming(string Team, int Items, double FirstSeconds, double RepeatSeconds, int HtmlChars);
