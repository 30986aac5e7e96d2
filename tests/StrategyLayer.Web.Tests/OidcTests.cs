using System.Net;
using StrategyLayer.Web.Tests.Support;
using WireMock.Server;

namespace StrategyLayer.Web.Tests;

/// <summary>The web view with OpenID Connect sign-in against metadata and keys served by a local WireMock.</summary>
public sealed class OidcServer : LoopbackServer
{
    public const string ClientId = IdentityProvider.ClientId;

    public IdentityProvider Idp { get; } = new();

    public WireMockServer Provider => Idp.Provider;

    public string Authority => Idp.Authority;

    public void IssueTokenFor(string nonce) => Idp.IssueTokenFor(nonce);

    protected override WebServerOptions Configure(WebServerOptions options) => Idp.Configure(options);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Idp.Dispose();
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
