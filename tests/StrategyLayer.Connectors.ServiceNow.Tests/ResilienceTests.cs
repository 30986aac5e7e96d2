using System.Diagnostics;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Connectors.ServiceNow.Tests.Support;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Settings;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using Xunit;

namespace StrategyLayer.Connectors.ServiceNow.Tests;

public class ResilienceTests : ServiceNowServerTests
{
    public ResilienceTests(ServiceNowServer sn)
        : base(sn)
    {
        Sn.Instance.Add("incident", FakeRow.Task("a1", "INC0000001", "2026-11-18 09:00:00"));
        Sn.Instance.Add("incident", FakeRow.Task("a2", "INC0000002", "2026-11-18 09:00:01"));
    }

    /// <summary>The first <paramref name="failures"/> table requests get <paramref name="failure"/>; then the fake answers.</summary>
    private void FailFirst(int failures, Func<IResponseMessage> failure)
    {
        var count = 0;
        Sn.Server.Given(Request.Create().WithPath("/api/now/table/incident").UsingGet())
            .AtPriority(1)
            .RespondWith(Response.Create().WithCallback(req => Interlocked.Increment(ref count) <= failures ? failure() : Sn.Instance.Answer(req)));
    }

    private static ResponseMessage Status(int status, string body, params (string Name, string Value)[] headers)
    {
        var r = FakeInstance.Json(status, body);
        foreach (var (name, value) in headers)
        {
            r.Headers![name] = new WireMockList<string>(value);
        }

        return r;
    }

    private SourceSettings Patient() => Sn.Settings(pageSize: 10) with
    {
        Resilience = new ResilienceSettings { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromSeconds(3), Timeout = TimeSpan.FromSeconds(10) },
    };

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_delay_and_then_succeeds()
    {
        FailFirst(1, () => Status(429, """{"error":{"message":"Rate limit exceeded"},"status":"failure"}""", ("Retry-After", "1")));
        await using var source = ServiceNowServer.Source(Patient());

        var clock = Stopwatch.StartNew();
        var pages = await Collect.PagesAsync(source, "incident");

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {clock.Elapsed}");
        Assert.Equal(2, pages.Sum(p => p.Records.Count));
    }

    [Fact]
    public async Task A_429_with_only_X_RateLimit_Reset_waits_until_that_unix_second()
    {
        var reset = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 2;
        FailFirst(1, () => Status(429, "{}", ("X-RateLimit-Reset", reset.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("X-RateLimit-Rule", "per-user")));
        await using var source = ServiceNowServer.Source(Patient());

        var pages = await Collect.PagesAsync(source, "incident");

        Assert.True(DateTimeOffset.UtcNow.ToUnixTimeSeconds() >= reset - 1, "the retry went out before the reset time");
        Assert.Equal(2, pages.Sum(p => p.Records.Count));
    }

    [Fact]
    public async Task A_500_is_retried_with_backoff_and_then_succeeds()
    {
        FailFirst(2, () => Status(500, """{"error":{"message":"Transaction cancelled"},"status":"failure"}"""));
        await using var source = ServiceNowServer.Source(Sn.Settings(pageSize: 10));

        var pages = await Collect.PagesAsync(source, "incident");

        Assert.Equal(2, pages.Sum(p => p.Records.Count));
        Assert.Equal(2 + 2, Sn.Server.LogEntries.Count());
    }

    [Fact]
    public async Task An_invalid_table_shows_ServiceNows_message_and_where_it_happened()
    {
        await using var source = ServiceNowServer.Source(Sn.Settings(tables: ["incidnt"]));

        var e = await Assert.ThrowsAsync<SourceException>(() => Collect.PagesAsync(source, "incidnt"));

        Assert.Equal(400, e.StatusCode);
        Assert.Contains("Invalid table incidnt", e.Message, StringComparison.Ordinal);
        Assert.Contains("'tables'", e.Message, StringComparison.Ordinal);
        Assert.Equal("table incidnt, page 1", e.Where);
        Assert.Equal("servicenow", e.Source);
    }

    [Fact]
    public async Task The_error_body_message_and_detail_reach_the_user()
    {
        FailFirst(1, () => Status(400, """{"error":{"message":"Invalid query","detail":"sysparm_query has an unbalanced clause"},"status":"failure"}"""));
        await using var source = ServiceNowServer.Source(Sn.Settings());

        var e = await Assert.ThrowsAsync<SourceException>(() => Collect.PagesAsync(source, "incident"));

        Assert.Contains("Invalid query (sysparm_query has an unbalanced clause)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, "authentication failed")]
    [InlineData(403, "access denied")]
    public async Task A_refused_login_stops_the_source_at_once_without_retrying(int status, string says)
    {
        FailFirst(10, () => Status(status, """{"error":{"message":"User Not Authenticated","detail":"Required to provide Auth information"},"status":"failure"}""", ("WWW-Authenticate", "BASIC realm=\"Service-now\"")));
        var auth = new SourceAuth { Kind = AuthKind.Basic, User = "svc.pmo", Secret = "hunter2" };
        await using var source = ServiceNowServer.Source(Sn.Settings(auth: auth));

        var e = await Assert.ThrowsAsync<SourceException>(() => Collect.PagesAsync(source, "incident"));

        Assert.Equal(status, e.StatusCode);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
        Assert.Contains("User Not Authenticated", e.Message, StringComparison.Ordinal);
        Assert.Single(Sn.Server.LogEntries);
        Assert.StartsWith("Basic ", Sn.Server.LogEntries.Single().RequestMessage.Headers!["Authorization"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_that_is_not_json_is_an_error_naming_the_page()
    {
        FailFirst(1, () => new ResponseMessage
        {
            StatusCode = 200,
            BodyData = new WireMock.Util.BodyData { BodyAsString = "<html>Instance hibernating</html>", DetectedBodyType = BodyType.String },
        });
        await using var source = ServiceNowServer.Source(Sn.Settings());

        var e = await Assert.ThrowsAsync<SourceException>(() => Collect.PagesAsync(source, "incident"));

        Assert.Contains("not JSON", e.Message, StringComparison.Ordinal);
        Assert.Equal("table incident, page 1", e.Where);
    }
}
