using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Web.Security;

/// <summary>
/// Sign-in: a bearer token (API clients, scripts), OpenID Connect with a cookie session (people in
/// a browser), or both. Unauthenticated page requests are sent to the identity provider; API
/// requests get 401, never a redirect.
/// </summary>
internal static class SignIn
{
    public const string PolicyScheme = "web";
    public const string CookieScheme = "cookie";
    public const string OidcScheme = "oidc";

    public static void Add(IServiceCollection services, WebServerOptions options)
    {
        var hasToken = !string.IsNullOrEmpty(options.BearerToken);
        var oidc = options.Oidc;

        // The cookies' keys: one application name and, given the store, one key ring for every node on it.
        services.AddDataProtection().SetApplicationName(SignInKeyRing.ApplicationName);
        if (options.SignInKeys is { } keys)
        {
            services.Configure<KeyManagementOptions>(o => o.XmlRepository = new SignInKeyRing(keys));
        }

        var auth = services.AddAuthentication(o =>
        {
            o.DefaultScheme = PolicyScheme;
            o.DefaultChallengeScheme = PolicyScheme;
        });
        auth.AddPolicyScheme(PolicyScheme, PolicyScheme, o => o.ForwardDefaultSelector = context =>
            hasToken && (oidc is null || context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                ? BearerTokenHandler.SchemeName
                : CookieScheme);
        if (hasToken)
        {
            auth.AddScheme<BearerTokenOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, o => o.Token = options.BearerToken);
        }

        if (oidc is not null)
        {
            auth.AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "strategylayer";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.ForwardChallenge = OidcScheme;
            });
            auth.AddOpenIdConnect(OidcScheme, o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = "code";

                // The callback arrives as a GET (query), so the only non-page endpoint stays a read.
                o.ResponseMode = "query";
                o.UsePkce = true;
                o.SaveTokens = false;
                o.MapInboundClaims = false;
                o.SignInScheme = CookieScheme;
                o.CallbackPath = "/signin-oidc";
                o.RequireHttpsMetadata = !IsLoopbackHttp(oidc.Authority);
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnRedirectToIdentityProvider = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/api"))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"strategylayer\"";
                        context.HandleResponse();
                    }

                    return Task.CompletedTask;
                };
            });
        }

        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    /// <summary>
    /// Builds Data Protection's key ring (reading the store, making the first key if there is none)
    /// before the web view listens, on a pool thread: no request waits for the store to read a cookie.
    /// </summary>
    public static async Task LoadKeysAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Run(() => services.GetRequiredService<IDataProtectionProvider>().CreateProtector("strategylayer.start").Protect([1]), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not StrategyLayerException and not OperationCanceledException)
        {
            throw new StrategyLayerException($"the web view cannot read its sign-in keys from the store: {e.Message}", ErrorKind.Runtime, "signinkeys", e);
        }
    }

    // Metadata over plain http is allowed only from this machine (a local identity provider or a test double).
    private static bool IsLoopbackHttp(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttp
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
}
