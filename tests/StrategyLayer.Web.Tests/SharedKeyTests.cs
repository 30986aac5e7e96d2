using System.Net;
using System.Xml.Linq;
using StrategyLayer.Web.Tests.Support;

namespace StrategyLayer.Web.Tests;

/// <summary>
/// Two web views on one store, each a host of its own (its own Data Protection, as two processes
/// behind one address would have), with OpenID Connect sign-in; and a third on another store.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private readonly List<RunningWebServer> nodes = [];

    public DemoStore Demo { get; } = new();

    public DemoStore OtherDemo { get; } = new();

    public IdentityProvider Idp { get; } = new();

    public CollectingSink Log { get; } = new();

    public RunningWebServer A { get; private set; } = null!;

    public RunningWebServer B { get; private set; } = null!;

    /// <summary>A node on another store: a key ring of its own.</summary>
    public RunningWebServer Elsewhere { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Demo.SeedAsync();
        await OtherDemo.SeedAsync();
        A = await StartAsync(Demo);
        B = await StartAsync(Demo);
        Elsewhere = await StartAsync(OtherDemo);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        Idp.Dispose();
        Demo.Dispose();
        OtherDemo.Dispose();
    }

    private async Task<RunningWebServer> StartAsync(DemoStore demo)
    {
        var logs = new Serilog.Extensions.Logging.SerilogLoggerFactory(new Serilog.LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(Log).CreateLogger(), dispose: true);
        var node = await WebServer.StartAsync(Idp.Configure(demo.Options()) with { SignInKeys = demo.Store }, demo.Store, logs: logs);
        nodes.Add(node);
        return node;
    }
}

public sealed class SharedKeyTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task A_browser_signed_in_on_one_node_is_let_in_by_the_other_node_on_the_same_store()
    {
        var cookie = await nodes.Idp.SignInAsync(nodes.A.Url);

        using var onB = await GetAsync(nodes.B.Url, "/teams", cookie);
        using var onA = await GetAsync(nodes.A.Url, "/teams", cookie);

        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Contains("PAY", await onB.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_started_on_one_node_may_finish_on_the_other()
    {
        // The correlation and nonce cookies are written by A and read by B.
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies };
        using var client = new HttpClient(handler);
        using var challenge = await client.GetAsync(nodes.A.Url + "/items?team=PAY");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var query = System.Web.HttpUtility.ParseQueryString(challenge.Headers.Location!.Query);
        nodes.Idp.IssueTokenFor(query["nonce"]!);
        var started = cookies.GetCookieHeader(new Uri(nodes.A.Url + "/signin-oidc"));
        Assert.Contains(".AspNetCore.Correlation.", started);
        Assert.Contains(".AspNetCore.OpenIdConnect.Nonce.", started);

        using var callback = await GetAsync(nodes.B.Url, "/signin-oidc?code=code-1&state=" + Uri.EscapeDataString(query["state"]!), started);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/items?team=PAY", callback.Headers.Location!.OriginalString);
        var session = string.Join("; ", callback.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("strategylayer", StringComparison.Ordinal)));
        using var page = await GetAsync(nodes.A.Url, "/items?team=PAY", session);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_node_on_another_store_sends_the_same_browser_to_sign_in()
    {
        var cookie = await nodes.Idp.SignInAsync(nodes.A.Url);

        using var elsewhere = await GetAsync(nodes.Elsewhere.Url, "/teams", cookie);

        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.StartsWith(nodes.Idp.Authority + "/authorize?", elsewhere.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_nodes_share_one_key_from_the_store_and_no_log_line_shows_it()
    {
        await nodes.Idp.SignInAsync(nodes.B.Url);

        var elements = nodes.Demo.Store.SignInKeys();

        // A made the key before it listened; B, started after, read it rather than making its own.
        var key = Assert.Single(elements);
        var secret = XElement.Parse(key).Descendants("value").Single().Value;
        Assert.True(secret.Length >= 40, "the key element carries its master key");
        Assert.NotEmpty(nodes.Log.Events);
        Assert.DoesNotContain(nodes.Log.Events, e => (e.RenderMessage() + e.Exception + string.Join(",", e.Properties.Values)).Contains(secret, StringComparison.Ordinal));
        Assert.NotEqual(key, Assert.Single(nodes.OtherDemo.Store.SignInKeys()));
    }

    private static async Task<HttpResponseMessage> GetAsync(string node, string path, string cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, node + path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
