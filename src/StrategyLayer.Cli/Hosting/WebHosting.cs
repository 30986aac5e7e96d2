using System.CommandLine;
using StrategyLayer.Reporting;
using StrategyLayer.Web;

namespace StrategyLayer.Cli.Hosting;

/// <summary>The web view hosted in this process (<c>serve</c>, <c>schedule --serve</c>, <c>bench</c>'s page timing), from the invocation's config.</summary>
internal static class WebHosting
{
    public static readonly Option<string?> UrlsOption = new("--urls") { Description = "Where to listen (default: config web.urls, else http://127.0.0.1:5080); beyond loopback, sign-in must be configured" };

    /// <summary>Starts the web view over the invocation's store; shared with <c>schedule --serve</c>.</summary>
    public static async Task<RunningWebServer> StartAsync(Invocation invocation, string? urls, CancellationToken ct)
    {
        var store = await invocation.StoreAsync(ct).ConfigureAwait(false);
        // No filter compiler: the web view's reads compile filters with the rules' custom fields (the config's).
        var options = await OptionsAsync(invocation, urls, ct).ConfigureAwait(false);
        var server = await WebServer.StartAsync(options with { SignInKeys = store }, store, null, invocation.Logs, ct).ConfigureAwait(false);
        if (!invocation.Quiet && !invocation.JsonOutput)
        {
            await Console.Out.WriteLineAsync($"Web view on {string.Join(", ", server.Urls)} (read-only; Ctrl-C stops it)").ConfigureAwait(false);
        }

        return server;
    }

    public static async Task<WebServerOptions> OptionsAsync(Invocation invocation, string? urls, CancellationToken ct)
    {
        var config = await invocation.ConfigAsync(ct).ConfigureAwait(false);
        var files = await invocation.App.Strategy.LoadAsync(ct).ConfigureAwait(false);
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
            TimeProvider = invocation.Time,
        };
    }
}
