using System.CommandLine;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Cli.Reading;
using StrategyLayer.Mapping;
using StrategyLayer.Reporting;
using StrategyLayer.Web;

namespace StrategyLayer.Cli.Commands;

/// <summary><c>serve [--urls URL]</c>: the read-only web view over the store (default http://127.0.0.1:5080).</summary>
internal static class ServeCommand
{
    public static readonly Option<string?> UrlsOption = new("--urls") { Description = "Where to listen (default: config web.urls, else http://127.0.0.1:5080); beyond loopback, sign-in must be configured" };

    public static Command Create(TimeProvider time) => Verb.Create("serve", "The read-only web view over the store", time, RunAsync, UrlsOption);

    private static async Task<int> RunAsync(Session session, ParseResult parse, CancellationToken ct)
    {
        await using var server = await StartAsync(session, parse.GetValue(UrlsOption), ct).ConfigureAwait(false);
        await using var reads = await ReaderApi.StartAsync(session, ct).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C is how the web view is meant to stop.
        }

        return ExitCodes.Success;
    }

    /// <summary>Starts the web view over the session's store; shared with <c>schedule --serve</c>.</summary>
    public static async Task<RunningWebServer> StartAsync(Session session, string? urls, CancellationToken ct)
    {
        var store = await session.StoreAsync(ct).ConfigureAwait(false);
        var server = await WebServer.StartAsync(Options(session, urls) with { SignInKeys = store }, store, new ItemFilterCompiler(session.Config.CustomFields), session.Log, ct).ConfigureAwait(false);
        if (!session.Quiet && !session.JsonOutput)
        {
            await Console.Out.WriteLineAsync($"Web view on {string.Join(", ", server.Urls)} (read-only; Ctrl-C stops it)").ConfigureAwait(false);
        }

        return server;
    }

    public static WebServerOptions Options(Session session, string? urls)
    {
        var config = session.Config;
        var files = session.App.Strategy.Load();
        return new WebServerOptions
        {
            Urls = urls ?? config.Web.Urls,
            TimeZone = config.TimeZone,
            WebBaseUrl = config.WebBaseUrl,
            TemplatesFolder = config.Templates,
            Strategy = files.Tree,
            Rules = files.Rules,
            Sources = [.. config.Sources.Select(s => s.Name)],
            Report = ReportSettings.FromJson(config.StatusJson, config.File),
            BearerToken = config.Web.BearerToken,
            AllowBearerOverHttp = config.Web.AllowBearerOverHttp,
            Oidc = config.Web.OidcAuthority is { } authority ? new OidcSettings(authority, config.Web.OidcClientId ?? "", config.Web.OidcClientSecret) : null,
            TimeProvider = session.Time,
        };
    }
}
