using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace StrategyLayer.Web.Tests.Support;

/// <summary>An OpenID Connect identity provider on a local WireMock: metadata, its signing key, and a token endpoint that answers for a given nonce.</summary>
public sealed class IdentityProvider : IDisposable
{
    public const string ClientId = "strategylayer-web";

    public IdentityProvider()
    {
        Provider = WireMockServer.Start();
        Authority = Provider.Urls[0].TrimEnd('/');
        var metadata = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = Authority + "/authorize",
            ["token_endpoint"] = Authority + "/token",
            ["jwks_uri"] = Authority + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        });
        var parameters = Rsa.ExportParameters(false);
        var jwks = JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = "k1", n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        });
        Provider.Given(Request.Create().WithPath("/.well-known/openid-configuration").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(metadata));
        Provider.Given(Request.Create().WithPath("/jwks").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(jwks));
    }

    public WireMockServer Provider { get; }

    public string Authority { get; }

    public RSA Rsa { get; } = RSA.Create(2048);

    /// <summary>The web view's options with OpenID Connect sign-in at this provider.</summary>
    public WebServerOptions Configure(WebServerOptions options) =>
        options with { Oidc = new OidcSettings(Authority, ClientId, "client-secret-from-env") };

    /// <summary>Makes the token endpoint answer with an id token for <paramref name="nonce"/>, signed with the published key.</summary>
    public void IssueTokenFor(string nonce)
    {
        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["sub"] = "pmo-analyst-1", ["name"] = "Pat Analyst", ["nonce"] = nonce },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(Rsa) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256),
        });
        Provider.Given(Request.Create().WithPath("/token").UsingPost())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody(JsonSerializer.Serialize(new { access_token = "at-1", token_type = "Bearer", expires_in = 3600, id_token = idToken })));
    }

    /// <summary>
    /// Signs in at <paramref name="node"/> as a browser would (the challenge, the provider's answer,
    /// the callback) and returns the cookies the browser then holds for it, as one <c>Cookie</c> header.
    /// </summary>
    public async Task<string> SignInAsync(string node, string path = "/teams")
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(node) };
        using var challenge = await client.GetAsync(path);
        if (challenge.StatusCode != HttpStatusCode.Redirect || challenge.Headers.Location is null)
        {
            throw new InvalidOperationException($"{node}{path} answered {(int)challenge.StatusCode}, not a redirect to the identity provider");
        }

        var query = System.Web.HttpUtility.ParseQueryString(challenge.Headers.Location.Query);
        IssueTokenFor(query["nonce"]!);
        using var callback = await client.GetAsync("/signin-oidc?code=code-1&state=" + Uri.EscapeDataString(query["state"]!));
        if (callback.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{node}/signin-oidc answered {(int)callback.StatusCode}, not a redirect back to {path}");
        }

        return cookies.GetCookieHeader(new Uri(node));
    }

    public void Dispose()
    {
        Provider.Stop();
        Provider.Dispose();
        Rsa.Dispose();
    }
}
