using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StrategyLayer.Web.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace StrategyLayer.Web.Tests;

/// <summary>The web view with OpenID Connect sign-in against metadata and keys served by a local WireMock.</summary>
public sealed class OidcServer : LoopbackServer
{
    public const string ClientId = "strategylayer-web";

    public OidcServer()
    {
        Provider = WireMockServer.Start();
        Authority = Provider.Urls[0].TrimEnd('/');
        var jwk = new RsaSecurityKey(Rsa.ExportParameters(false)) { KeyId = "k1" };
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
                new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
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

    protected override WebServerOptions Configure(WebServerOptions options) =>
        options with { Oidc = new OidcSettings(Authority, ClientId, "client-secret-from-env") };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Provider.Stop();
        Provider.Dispose();
        Rsa.Dispose();
    }
}

public sealed class OidcTests(OidcServer server) : IClassFixture<OidcServer>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/items?team=PAY")]
    [InlineData("/items/jira%3APAY-2")]
    public async Task An_unauthenticated_page_request_is_sent_to_the_identity_provider(string path)
    {
        using var response = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(server.Authority + "/authorize?", location);
        Assert.Contains("client_id=" + OidcServer.ClientId, location);
        Assert.Contains("response_type=code", location);
        Assert.Contains("code_challenge=", location);
        Assert.Contains(Uri.EscapeDataString(server.Url + "/signin-oidc"), location);
        Assert.Contains(server.Provider.LogEntries, e => e.RequestMessage.Path == "/.well-known/openid-configuration");
    }

    [Theory]
    [InlineData("/api/items")]
    [InlineData("/api/status")]
    [InlineData("/api/items/jira%3APAY-2/explain")]
    public async Task An_unauthenticated_api_request_gets_401_not_a_redirect(string path)
    {
        using var response = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Signing_in_with_a_token_signed_by_the_published_key_opens_the_pages()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(server.Url) };
        using var challenge = await client.GetAsync("/teams");
        var query = System.Web.HttpUtility.ParseQueryString(challenge.Headers.Location!.Query);
        server.IssueTokenFor(query["nonce"]!);

        using var callback = await client.GetAsync("/signin-oidc?code=code-1&state=" + Uri.EscapeDataString(query["state"]!));
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/teams", callback.Headers.Location!.OriginalString);
        using var page = await client.GetAsync("/teams");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("PAY", await page.Content.ReadAsStringAsync());
        Assert.Contains(server.Provider.LogEntries, e => e.RequestMessage.Path == "/jwks");
    }
}
