using Microsoft.Extensions.Time.Testing;
using StrategyLayer.Connectors.ServiceNow.Tests.Support;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Settings;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace StrategyLayer.Connectors.ServiceNow.Tests;

public class OAuthTests : ServiceNowServerTests
{
    private static readonly SourceAuth ClientCredentials = new()
    {
        Kind = AuthKind.OAuth,
        Grant = "client_credentials",
        ClientId = "pmo-client",
        ClientSecret = "client-s3cr3t",
    };

    public OAuthTests(ServiceNowServer sn)
        : base(sn)
    {
        Sn.Instance.Add("incident", FakeRow.Task("a1", "INC0000001", "2026-11-18 09:00:00"));
    }

    [Fact]
    public async Task A_client_credentials_token_is_fetched_once_and_sent_as_a_bearer_token()
    {
        var endpoint = TokenEndpoint.On(Sn);
        await using var source = ServiceNowServer.Source(Sn.Settings(auth: ClientCredentials));

        var pages = await Collect.PagesAsync(source, "incident");

        Assert.Single(pages);
        var form = Assert.Single(endpoint.Forms);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("pmo-client", form["client_id"]);
        Assert.Equal("client-s3cr3t", form["client_secret"]);
        Assert.False(form.ContainsKey("password"));
        Assert.All(endpoint.Authorizations, a => Assert.Equal("Bearer tok-1-s3cr3t", a));
    }

    [Fact]
    public async Task The_password_grant_sends_the_user_and_password()
    {
        var endpoint = TokenEndpoint.On(Sn);
        var auth = ClientCredentials with { Grant = "password", User = "svc.pmo", Secret = "pw-s3cr3t" };
        await using var source = ServiceNowServer.Source(Sn.Settings(auth: auth));

        await Collect.PagesAsync(source, "incident");

        var form = Assert.Single(endpoint.Forms);
        Assert.Equal("password", form["grant_type"]);
        Assert.Equal("svc.pmo", form["username"]);
        Assert.Equal("pw-s3cr3t", form["password"]);
    }

    [Fact]
    public async Task A_401_gets_a_new_token_once_and_the_request_then_succeeds()
    {
        var endpoint = TokenEndpoint.On(Sn, revokeFirst: true);
        await using var source = ServiceNowServer.Source(Sn.Settings(auth: ClientCredentials));

        var pages = await Collect.PagesAsync(source, "incident");

        Assert.Equal("INC0000001", Assert.Single(Assert.Single(pages).Records).Item.Key);
        Assert.Equal(2, endpoint.Issued);
        Assert.Equal(["Bearer tok-1-s3cr3t", "Bearer tok-2-s3cr3t", "Bearer tok-2-s3cr3t"], endpoint.Authorizations);
        var renewal = endpoint.Forms.Last();
        Assert.Equal("refresh_token", renewal["grant_type"]);
        Assert.Equal("ref-1", renewal["refresh_token"]);
    }

    [Fact]
    public async Task A_refused_refresh_token_falls_back_to_the_configured_grant()
    {
        var endpoint = TokenEndpoint.On(Sn, revokeFirst: true, refuseRefresh: true);
        await using var source = ServiceNowServer.Source(Sn.Settings(auth: ClientCredentials));

        var pages = await Collect.PagesAsync(source, "incident");

        Assert.Single(pages);
        Assert.Equal(["client_credentials", "refresh_token", "client_credentials"], endpoint.Forms.Select(f => f["grant_type"]));
        Assert.Equal("Bearer tok-2-s3cr3t", endpoint.Authorizations.Last());
    }

    [Fact]
    public async Task The_token_is_renewed_shortly_before_it_expires_and_not_earlier()
    {
        var endpoint = TokenEndpoint.On(Sn, expiresIn: 1799);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        await using var source = ServiceNowServer.Source(Sn.Settings(auth: ClientCredentials), time: time);

        await Collect.PagesAsync(source, "incident");
        time.Advance(TimeSpan.FromMinutes(20));
        await Collect.PagesAsync(source, "incident");
        Assert.Equal(1, endpoint.Issued);

        time.Advance(TimeSpan.FromMinutes(9.5));
        await Collect.PagesAsync(source, "incident");
        Assert.Equal(2, endpoint.Issued);
        Assert.DoesNotContain(endpoint.Authorizations, a => a != "Bearer tok-1-s3cr3t" && a != "Bearer tok-2-s3cr3t");
    }

    [Fact]
    public async Task Tokens_and_secrets_never_reach_the_log()
    {
        TokenEndpoint.On(Sn, revokeFirst: true);
        var sink = new CollectingSink();
        var auth = ClientCredentials with { Grant = "password", User = "svc.pmo", Secret = "pw-s3cr3t" };
        using var logs = sink.Logs();
        await using var source = ServiceNowServer.Source(Sn.Settings(auth: auth), logs);

        await Collect.PagesAsync(source, "incident");

        Assert.NotEmpty(sink.Lines);
        Assert.All(sink.Lines, line => Assert.DoesNotContain("s3cr3t", line, StringComparison.Ordinal));
        Assert.All(sink.Lines, line => Assert.DoesNotContain("ref-", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_token_request_is_a_clear_error_and_no_table_is_read()
    {
        Sn.Server.Given(Request.Create().WithPath("/oauth_token.do").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{"error_description":"access_denied","error":"server_error"}"""));
        await using var source = ServiceNowServer.Source(Sn.Settings(auth: ClientCredentials));

        var e = await Assert.ThrowsAsync<SourceException>(() => Collect.PagesAsync(source, "incident"));

        Assert.Equal(401, e.StatusCode);
        Assert.Equal("oauth_token.do", e.Where);
        Assert.Contains("server_error (access_denied)", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Sn.Server.LogEntries, l => l.RequestMessage.Path.StartsWith("/api/", StringComparison.Ordinal));
    }
}
