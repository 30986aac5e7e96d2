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
    public static Task<TeamPageTiming> TeamPageAsync(WebServerOptions options, IStoreReader store, IItemFilterCompiler? filters = null, string? team = null, CancellationToken cancellationToken = default) =>
        TimeAsync(options, store, filters, team, null, cancellationToken);

    /// <summary>
    /// The same team page while <paramref name="writer"/> (a sync into the same store) runs: the writer
    /// starts once the view is warm and has run for a quarter of a second (or ended) before the first request; the
    /// timing says whether it was still running when that request was answered. The writer is awaited.
    /// </summary>
    public static Task<TeamPageTiming> TeamPageWhileAsync(WebServerOptions options, IStoreReader store, IItemFilterCompiler? filters, string? team, Func<CancellationToken, Task> writer, CancellationToken cancellationToken) =>
        TimeAsync(options, store, filters, team, writer, cancellationToken);

    private static async Task<TeamPageTiming> TimeAsync(WebServerOptions options, IStoreReader store, IItemFilterCompiler? filters, string? team, Func<CancellationToken, Task>? writer, CancellationToken cancellationToken)
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
        var writing = writer is null ? null : Task.Run(() => writer(cancellationToken), cancellationToken);
        if (writing is not null)
        {
            await Task.WhenAny(writing, Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken)).ConfigureAwait(false);
        }

        var clock = Stopwatch.StartNew();
        var first = await client.GetStringAsync(path, cancellationToken).ConfigureAwait(false);
        var firstSeconds = clock.Elapsed.TotalSeconds;
        var writerRan = writing is { IsCompleted: false };
        clock.Restart();
        var again = await client.GetStringAsync(path, cancellationToken).ConfigureAwait(false);
        var repeatSeconds = clock.Elapsed.TotalSeconds;
        if (writing is not null)
        {
            await writing.ConfigureAwait(false);
        }

        return new TeamPageTiming(picked.Key, picked.Value, firstSeconds, repeatSeconds, Math.Max(first.Length, again.Length)) { WriterRunning = writer is null ? null : writerRan };
    }
}

/// <summary>A team page's timing: its first request (reads the team) and a repeat (served from what the first read).</summary>
public sealed record TeamPageTiming(string Team, int Items, double FirstSeconds, double RepeatSeconds, int HtmlChars)
{
    /// <summary>Timed beside a writer: whether it was still running when the first request was answered; null without one.</summary>
    public bool? WriterRunning { get; init; }
}
