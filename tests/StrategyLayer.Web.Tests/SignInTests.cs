using System.Net;
using System.Net.Http.Headers;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Web.Security;
using StrategyLayer.Web.Tests.Support;

namespace StrategyLayer.Web.Tests;

public sealed class BindingTests : IAsyncLifetime, IDisposable
{
    private readonly DemoStore demo = new();

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://pmo.example.com:5080")]
    [InlineData("http://127.0.0.1:0;http://10.1.2.3:5080")]
    public async Task A_server_told_to_bind_beyond_loopback_without_sign_in_refuses_to_start(string urls)
    {
        var e = await Assert.ThrowsAsync<StrategyLayerException>(() => WebServer.StartAsync(demo.Options(urls), demo.Store));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Contains(urls.Split(';')[^1], e.Message);
        Assert.Contains("web.bearerTokenEnv", e.Message);
        Assert.Contains("web.oidc", e.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://127.0.0.2:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://192.168.1.10:5080", false)]
    [InlineData("http://localhost.evil.example:5080", false)]
    public void Only_loopback_addresses_count_as_loopback(string url, bool loopback) =>
        Assert.Equal(loopback, BindingGuard.IsLoopback(url));

    [Theory]
    [InlineData("http://[::ffff:127.0.0.1]:0")]
    [InlineData("http://[0:0:0:0:0:0:0:1]:0")]
    [InlineData("http://127.1:0")]
    public async Task Any_spelling_of_a_loopback_address_is_bound_as_its_plain_form_and_answers(string urls)
    {
        await using var server = await WebServer.StartAsync(demo.Options(urls), demo.Store);
        using var client = new HttpClient { BaseAddress = new Uri(server.Url) };

        using var response = await client.GetAsync("/api/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("ffff", server.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://[::ffff:127.0.0.1]:5080", "http://127.0.0.1:5080")]
    [InlineData("https://[::ffff:7f00:2]:5443/pmo", "https://127.0.0.2:5443/pmo")]
    [InlineData("http://[0:0:0:0:0:0:0:1]:5080", "http://[::1]:5080")]
    [InlineData("http://localhost:5080", "http://localhost:5080")]
    [InlineData("http://*:5080", "http://*:5080")]
    public void A_url_is_bound_by_the_plain_form_of_its_address(string url, string bound) =>
        Assert.Equal([bound], BindingGuard.Parse(url));

    [Theory]
    [InlineData("127.0.0.1:5080")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData(" ; ")]
    public async Task A_malformed_url_is_a_usage_error_naming_it(string urls)
    {
        var e = await Assert.ThrowsAsync<StrategyLayerException>(() => WebServer.StartAsync(demo.Options(urls), demo.Store));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal("web.urls", e.Where);
    }

    [Fact]
    public async Task With_a_bearer_token_the_server_may_bind_beyond_loopback_over_http_only_when_the_config_opts_in()
    {
        var refused = await Assert.ThrowsAsync<StrategyLayerException>(() => WebServer.StartAsync(demo.Options("http://0.0.0.0:0") with { BearerToken = "s3cret-token" }, demo.Store));
        Assert.Equal(ErrorKind.Usage, refused.Kind);
        Assert.Contains("over plain http", refused.Message);
        Assert.Contains("web.allowBearerOverHttp", refused.Message);

        await using var server = await WebServer.StartAsync(demo.Options("http://0.0.0.0:0") with { BearerToken = "s3cret-token", AllowBearerOverHttp = true }, demo.Store);
        var port = new Uri(server.Url.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)).Port;
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-token");

        using var response = await client.GetAsync("/api/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public Task InitializeAsync() => demo.SeedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => demo.Dispose();
}

public sealed class BearerServer : LoopbackServer
{
    public const string Token = "correct-horse-battery-staple";

    protected override WebServerOptions Configure(WebServerOptions options) => options with { BearerToken = Token };
}

public sealed class BearerTests(BearerServer server) : IClassFixture<BearerServer>
{
    [Theory]
    [InlineData("/api/items")]
    [InlineData("/api/status")]
    [InlineData("/")]
    [InlineData("/items?team=PAY")]
    public async Task A_request_without_the_token_is_refused(string path)
    {
        using var response = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.DoesNotContain("jira:", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("correct-horse-battery-stapl")]
    [InlineData("correct-horse-battery-staple-and-more")]
    public async Task A_wrong_token_is_refused(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/items");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_right_token_opens_the_api_and_the_pages()
    {
        foreach (var path in new[] { "/api/items?limit=1", "/items?team=PAY" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BearerServer.Token);
            using var response = await server.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_token_never_reaches_the_log()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BearerServer.Token);
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(server.Log.Events, e => e.RenderMessage().Contains(BearerServer.Token, StringComparison.Ordinal));
    }
}
