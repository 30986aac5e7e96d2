using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace StrategyLayer.Sandbox.Tests;

public class AuthTests(AuthTests.Fixture fx) : IClassFixture<AuthTests.Fixture>
{
    public class Fixture : SandboxFixture
    {
        protected override SandboxOptions Options => new() { Size = "small", RequireAuth = true, User = "pmo@example.com", Password = "s3cret", ClientId = "cid", ClientSecret = "csecret", PersonalAccessToken = "pat-1" };
    }

    private async Task<HttpResponseMessage> SendAsync(string url, AuthenticationHeaderValue? auth)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = auth;
        return await fx.Http.SendAsync(request);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    private async Task<JsonElement> TokenAsync(Dictionary<string, string> form)
    {
        var r = await fx.Http.PostAsync(fx.Sandbox.ServiceNowUrl + "/oauth_token.do", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Table_api_calls_without_credentials_get_401_with_www_authenticate_and_servicenows_body()
    {
        var r = await SendAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/incident?sysparm_limit=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        Assert.NotEmpty(r.Headers.WwwAuthenticate);
        var body = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("failure", body.GetProperty("status").GetString());
        Assert.Equal("User Not Authenticated", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Jira_calls_without_valid_credentials_get_401_with_jiras_body_and_basic_or_pat_succeed()
    {
        var url = fx.Sandbox.JiraCloudUrl + "/rest/api/3/myself";
        var denied = await SendAsync(url, Basic("pmo@example.com", "wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.True(JsonDocument.Parse(await denied.Content.ReadAsStringAsync()).RootElement.TryGetProperty("errorMessages", out _));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(url, Basic("pmo@example.com", "s3cret"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(fx.Sandbox.JiraDataCenterUrl + "/rest/api/2/myself", new("Bearer", "pat-1"))).StatusCode);
    }

    [Fact]
    public async Task Client_credentials_tokens_open_the_table_api_and_refresh_tokens_renew_them()
    {
        var token = await TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = "cid", ["client_secret"] = "csecret" });
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.Equal(1799, token.GetProperty("expires_in").GetInt32());
        var url = fx.Sandbox.ServiceNowUrl + "/api/now/table/incident?sysparm_limit=1";
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(url, new("Bearer", token.GetProperty("access_token").GetString()))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(url, new("Bearer", "not-a-token"))).StatusCode);

        var refreshed = await TokenAsync(new() { ["grant_type"] = "refresh_token", ["client_id"] = "cid", ["client_secret"] = "csecret", ["refresh_token"] = token.GetProperty("refresh_token").GetString()! });
        Assert.NotEqual(token.GetProperty("access_token").GetString(), refreshed.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(url, new("Bearer", refreshed.GetProperty("access_token").GetString()))).StatusCode);
    }

    [Fact]
    public async Task The_password_grant_checks_the_user_and_basic_auth_works_on_the_table_api()
    {
        var token = await TokenAsync(new() { ["grant_type"] = "password", ["client_id"] = "cid", ["client_secret"] = "csecret", ["username"] = "pmo@example.com", ["password"] = "s3cret" });
        Assert.False(string.IsNullOrEmpty(token.GetProperty("access_token").GetString()));
        var bad = await fx.Http.PostAsync(fx.Sandbox.ServiceNowUrl + "/oauth_token.do", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "cid",
            ["client_secret"] = "csecret",
            ["username"] = "pmo@example.com",
            ["password"] = "nope",
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/problem?sysparm_limit=1", Basic("pmo@example.com", "s3cret"))).StatusCode);
    }

    [Fact]
    public async Task The_request_log_never_holds_credentials()
    {
        await SendAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/problem?sysparm_limit=1", Basic("pmo@example.com", "s3cret"));
        Assert.DoesNotContain(fx.Sandbox.Requests, r => r.Query.Contains("s3cret", StringComparison.Ordinal) || r.Path.Contains("s3cret", StringComparison.Ordinal));
    }
}
