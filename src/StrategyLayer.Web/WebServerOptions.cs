using StrategyLayer.Application;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Mapping.Rules;
using StrategyLayer.Reporting;
using StrategyLayer.Store;

namespace StrategyLayer.Web;

/// <summary>
/// Everything the web view needs, as plain values: the caller (the CLI's <c>serve</c> and
/// <c>schedule --serve</c>) loads config, tree and rules, and opens the store once.
/// </summary>
public sealed record WebServerOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Where to listen (config <c>web.urls</c> or <c>--urls</c>); several separated by <c>;</c>. Port 0 picks a free port.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Periods are read in this zone (config <c>timeZone</c>).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The web view's public base URL (config <c>webBaseUrl</c>); null: the bound URL.</summary>
    public string? WebBaseUrl { get; init; }

    /// <summary>The templates folder (config <c>templates</c>): pages are read from its <c>web/</c> folder, the pack CSS and partials from itself.</summary>
    public required string TemplatesFolder { get; init; }

    public required StrategyTree Strategy { get; init; }

    public required RuleSet Rules { get; init; }

    /// <summary>Configured source names, so a source that never synced still shows.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Status thresholds (config <c>status</c>).</summary>
    public ReportSettings Report { get; init; } = ReportSettings.Default;

    /// <summary>When set (config <c>web.bearerTokenEnv</c>), requests may sign in with <c>Authorization: Bearer …</c>.</summary>
    public string? BearerToken { get; init; }

    /// <summary>
    /// Accept <see cref="BearerToken"/> over plain http beyond loopback (<c>web.allowBearerOverHttp</c>):
    /// off by default, for a proxy in front that terminates TLS.
    /// </summary>
    public bool AllowBearerOverHttp { get; init; }

    /// <summary>OpenID Connect sign-in (config <c>web.oidc</c>); null: none.</summary>
    public OidcSettings? Oidc { get; init; }

    /// <summary>
    /// Where the keys that protect the sign-in cookies are kept: the store (the CLI passes it), shared
    /// by every web view on the same store, so a browser may move between nodes behind one address.
    /// Null: Data Protection's default (this user's profile on this machine).
    /// </summary>
    public ISignInKeys? SignInKeys { get; init; }

    /// <summary>Rows per page of item lists (the largest a request may ask for is <see cref="MaxPageSize"/>).</summary>
    public int PageSize { get; init; } = 200;

    public int MaxPageSize { get; init; } = 1000;

    /// <summary>How long whole-store figures (mappings, teams, live period, suggestions) are reused before being read again.</summary>
    public TimeSpan CacheFor { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The clock of live periods, filters and caches: the host's, given by whoever composes the server.</summary>
    public required TimeProvider TimeProvider { get; init; }

    /// <summary>What the application's reads of the web view are given (<see cref="PortfolioReads"/>).</summary>
    public PortfolioSettings Portfolio => new()
    {
        TimeZone = TimeZone,
        Strategy = Strategy,
        Rules = Rules,
        Sources = Sources,
        Report = Report,
        PageSize = PageSize,
        MaxPageSize = MaxPageSize,
        CacheFor = CacheFor,
        TimeProvider = TimeProvider,
    };

    public bool SignInConfigured => !string.IsNullOrEmpty(BearerToken) || Oidc is not null;

    public override string ToString() =>
        $"WebServerOptions {{ Urls = {Urls}, Bearer = {(string.IsNullOrEmpty(BearerToken) ? "no" : "yes")}, Oidc = {Oidc?.Authority ?? "-"} }}";
}
