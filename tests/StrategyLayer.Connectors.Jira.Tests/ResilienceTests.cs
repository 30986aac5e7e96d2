using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Serilog.Extensions.Logging;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Connectors.Jira.Tests.Support;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Settings;
using WireMock;
using Xunit;

namespace StrategyLayer.Connectors.Jira.Tests;

public class ResilienceTests : IClassFixture<JiraServerFixture>
{
    private const string BadJql = """
        {"errorMessages":["Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'PAYY'. (line 1, character 15)"],"errors":{"jql":"The value 'NOPE' does not exist for the field 'project'."}}
        """;

    private readonly JiraServerFixture _fixture;

    public ResilienceTests(JiraServerFixture fixture) => _fixture = fixture;

    private static Func<IRequestMessage, ResponseMessage> FirstThen(ResponseMessage first, string then)
    {
        var calls = 0;
        return _ => Interlocked.Increment(ref calls) == 1 ? first : FakeJira.Json(200, then);
    }

    private static string OnePage => IssueJson.CloudPage([IssueJson.Issue("1", "PAY-1", "2026-11-20T10:00:00.000+0000")], null, true);

    [Fact]
    public async Task A_429_waits_on_the_connectors_clock_as_long_as_retry_after_says_and_then_succeeds()
    {
        var jira = _fixture.NewJira("cloud").Myself("UTC");
        var seen = new List<DateTimeOffset>();
        var answer = FirstThen(FakeJira.Json(429, """{"errorMessages":["Rate limit exceeded."]}""", ("Retry-After", "30")), OnePage);
        jira.Post("/rest/api/3/search/jql", request =>
        {
            lock (seen)
            {
                seen.Add(jira.Time.GetUtcNow());
            }

            return answer(request);
        });
        await using var source = jira.Create(jira.Settings(cloud: true) with { Resilience = FakeJira.FastRetries with { MaxDelay = TimeSpan.FromMinutes(1) } });
        var wall = System.Diagnostics.Stopwatch.StartNew();

        var pages = await jira.AdvancingAsync(() => source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync().AsTask(), TimeSpan.FromSeconds(1));

        Assert.Equal("PAY-1", pages.Single().Records.Single().Item.Key);
        Assert.Equal(2, seen.Count);
        Assert.True(seen[1] - seen[0] >= TimeSpan.FromSeconds(30), $"Retry-After was not honoured on the connector's clock: {seen[1] - seen[0]}");
        Assert.True(wall.Elapsed < TimeSpan.FromSeconds(20), $"the retry waited on the system's timers: {wall.Elapsed}");
    }

    [Fact]
    public async Task A_500_is_retried_with_backoff_and_then_succeeds()
    {
        var jira = _fixture.NewJira("cloud").Myself("UTC");
        jira.Post("/rest/api/3/search/jql", FirstThen(FakeJira.Json(500, """{"errorMessages":["Internal server error"]}"""), OnePage));
        await using var source = jira.Create(jira.Settings(cloud: true));

        var pages = await jira.AdvancingAsync(() => source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync().AsTask(), TimeSpan.FromMilliseconds(100));

        Assert.Single(pages.Single().Records);
        Assert.Equal(2, jira.RequestsTo("/rest/api/3/search/jql").Count);
    }

    [Fact]
    public async Task Near_the_rate_limit_the_next_request_waits_on_the_connectors_clock()
    {
        var jira = _fixture.NewJira("cloud").Myself("UTC");
        var seen = new List<DateTimeOffset>();
        jira.Post("/rest/api/3/search/jql", _ =>
        {
            lock (seen)
            {
                seen.Add(jira.Time.GetUtcNow());
                return seen.Count == 1
                    ? FakeJira.Json(200, IssueJson.CloudPage([IssueJson.Issue("1", "PAY-1", "2026-11-20T10:00:00.000+0000")], "p1", false), ("X-RateLimit-NearLimit", "true"))
                    : FakeJira.Json(200, IssueJson.CloudPage([IssueJson.Issue("2", "PAY-2", "2026-11-20T10:01:00.000+0000")], null, true));
            }
        });
        await using var source = jira.Create(jira.Settings(cloud: true) with { Resilience = FakeJira.FastRetries with { NearLimitPause = TimeSpan.FromSeconds(30) } });
        var wall = System.Diagnostics.Stopwatch.StartNew();

        await jira.AdvancingAsync(() => source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync().AsTask(), TimeSpan.FromSeconds(1));

        Assert.Equal(2, seen.Count);
        Assert.True(seen[1] - seen[0] >= TimeSpan.FromSeconds(30), $"no pause near the limit on the connector's clock: {seen[1] - seen[0]}");
        Assert.True(wall.Elapsed < TimeSpan.FromSeconds(20), $"the pause waited on the system's timers: {wall.Elapsed}");
    }

    [Fact]
    public async Task A_401_stops_at_once_with_a_clear_message_that_leaks_no_secret_and_every_log_line_names_the_source()
    {
        var jira = _fixture.NewJira("cloud");
        jira.Get("/rest/api/3/myself", _ => FakeJira.Json(401, """{"errorMessages":["You are not authenticated."]}"""));
        var sink = new CollectingSink();
        using var logs = new SerilogLoggerFactory(new Serilog.LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger(), dispose: true);
        var settings = jira.Settings(cloud: true) with { Auth = new SourceAuth { Kind = AuthKind.Basic, User = "bot@example.com", Secret = "ATATT-s3cr3t-token" } };
        await using var source = jira.Create(settings, logs);

        var e = await Assert.ThrowsAsync<SourceException>(() => source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal(401, e.StatusCode);
        Assert.Contains("authentication failed (HTTP 401)", e.Message, StringComparison.Ordinal);
        Assert.Contains("You are not authenticated.", e.Message, StringComparison.Ordinal);
        Assert.Single(jira.Requests);
        Assert.NotEmpty(sink.Events);
        Assert.All(sink.Events, e => Assert.Equal("\"jira\"", e.Properties["Source"].ToString()));
        Assert.DoesNotContain("s3cr3t", e.Message + sink.AllText, StringComparison.Ordinal);
        Assert.StartsWith("Basic ", jira.Requests[0].RequestMessage.Headers!["Authorization"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_jql_shows_jiras_own_error_messages_and_fields()
    {
        var jira = _fixture.NewJira("cloud").Myself("UTC");
        jira.Post("/rest/api/3/search/jql", _ => FakeJira.Json(400, BadJql));
        await using var source = jira.Create(jira.Settings(cloud: true, scope: "project = PAYY NOPE"));

        var e = await Assert.ThrowsAsync<SourceException>(() => source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal("search page 1", e.Where);
        Assert.Contains("Expecting either 'OR' or 'AND' but got 'PAYY'", e.Message, StringComparison.Ordinal);
        Assert.Contains("jql: The value 'NOPE' does not exist", e.Message, StringComparison.Ordinal);
        Assert.Single(jira.RequestsTo("/rest/api/3/search/jql"));
    }

    [Fact]
    public async Task Online_validation_lists_each_jira_message_for_the_scope()
    {
        var jira = _fixture.NewJira("dc");
        jira.Get("/rest/api/2/search", _ => FakeJira.Json(400, BadJql));
        await using var source = jira.Create(jira.Settings(cloud: false, scope: "project = PAYY NOPE"));

        var diagnostics = await source.ValidateOnlineAsync(CancellationToken.None);

        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("sources[jira].scope", d.Path));
        Assert.Contains("got 'PAYY'", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("'NOPE' does not exist", diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Equal("0", jira.Requests.Single().RequestMessage.Query!["maxResults"][0]);
    }

    [Fact]
    public async Task An_unbounded_cloud_scope_is_reported_by_online_validation()
    {
        var jira = _fixture.NewJira("cloud");
        jira.Post("/rest/api/3/search/jql", req => JsonNode.Parse(req.Body!)!["jql"]!.GetValue<string>().StartsWith("ORDER BY", StringComparison.Ordinal)
            ? FakeJira.Json(400, """{"errorMessages":["Unbounded JQL queries are not allowed here. Please add a search restriction to your query."],"errors":{}}""")
            : FakeJira.Json(200, IssueJson.CloudPage([], null, true)));
        await using var unbounded = jira.Create(jira.Settings(cloud: true, scope: "ORDER BY created DESC"));
        await using var bounded = jira.Create(jira.Settings(cloud: true, scope: "project = PAY"));

        var problems = await unbounded.ValidateOnlineAsync(CancellationToken.None);
        var none = await bounded.ValidateOnlineAsync(CancellationToken.None);

        Assert.Contains("Unbounded JQL queries are not allowed here", Assert.Single(problems).Message, StringComparison.Ordinal);
        Assert.Empty(none);
    }

    [Fact]
    public async Task An_unreachable_jira_is_a_validation_problem_not_a_crash()
    {
        var settings = new SourceSettings
        {
            Name = "jira",
            Type = "jira-cloud",
            BaseUrl = new Uri("http://127.0.0.1:9/jira"),
            Scope = "project = PAY",
            Resilience = FakeJira.FastRetries with { MaxRetries = 1 },
        };
        await using var source = JiraSource.Create(settings, NullLoggerFactory.Instance, TimeProvider.System);

        var problem = Assert.Single(await source.ValidateOnlineAsync(CancellationToken.None));

        Assert.Contains("could not reach", problem.Message, StringComparison.Ordinal);
        Assert.Equal("sources[jira]", problem.Path);
    }

    [Fact]
    public async Task A_503_waits_until_the_rate_limit_reset_instant_on_the_connectors_clock()
    {
        var jira = _fixture.NewJira("cloud").Myself("UTC");
        var calls = 0;
        var reset = DateTimeOffset.MaxValue;
        var retriedAt = DateTimeOffset.MinValue;
        jira.Post("/rest/api/3/search/jql", _ => Interlocked.Increment(ref calls) == 1
            ? FakeJira.Json(503, "Service Unavailable", ("X-RateLimit-Reset", (reset = jira.Time.GetUtcNow().AddSeconds(30)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture)))
            : Retried(jira.Time.GetUtcNow()));
        await using var source = jira.Create(jira.Settings(cloud: true) with { Resilience = FakeJira.FastRetries with { MaxDelay = TimeSpan.FromMinutes(1) } });
        var wall = System.Diagnostics.Stopwatch.StartNew();

        await jira.AdvancingAsync(() => source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync().AsTask(), TimeSpan.FromSeconds(1));

        Assert.Equal(2, jira.RequestsTo("/rest/api/3/search/jql").Count);
        Assert.True(retriedAt >= reset, $"X-RateLimit-Reset was not honoured on the connector's clock: retried at {retriedAt:O}, reset at {reset:O}");
        Assert.True(wall.Elapsed < TimeSpan.FromSeconds(20), $"the retry waited on the system's timers: {wall.Elapsed}");

        ResponseMessage Retried(DateTimeOffset at)
        {
            retriedAt = at;
            return FakeJira.Json(200, OnePage);
        }
    }

    [Fact]
    public async Task A_request_that_times_out_is_retried()
    {
        var jira = _fixture.NewJira("cloud").Myself("UTC");
        var calls = 0;
        jira.Post("/rest/api/3/search/jql", _ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                Thread.Sleep(800);
            }

            return FakeJira.Json(200, OnePage);
        });
        var settings = jira.Settings(cloud: true) with { Resilience = FakeJira.FastRetries with { Timeout = TimeSpan.FromMilliseconds(300) } };
        await using var source = jira.Create(settings);

        var pages = await jira.AdvancingAsync(() => source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync().AsTask(), TimeSpan.FromMilliseconds(100));

        Assert.Single(pages.Single().Records);

        // WireMock logs the slow first request only once it answers, after the retry: count calls instead.
        Assert.Equal(2, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task A_403_stops_with_access_denied()
    {
        var jira = _fixture.NewJira("dc");
        jira.Get("/rest/api/2/myself", _ => FakeJira.Json(403, """{"errorMessages":["CAPTCHA required"]}"""));
        await using var source = jira.Create(jira.Settings(cloud: false) with { Auth = new SourceAuth { Kind = AuthKind.Bearer, Secret = "pat-123" } });

        var e = await Assert.ThrowsAsync<SourceException>(() => source.ListScopeAsync("", CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal(403, e.StatusCode);
        Assert.Contains("access denied (HTTP 403)", e.Message, StringComparison.Ordinal);
        Assert.Contains("CAPTCHA required", e.Message, StringComparison.Ordinal);
        Assert.Equal("Bearer pat-123", jira.Requests.Single().RequestMessage.Headers!["Authorization"][0]);
    }

    [Fact]
    public async Task Anonymous_access_without_a_profile_sends_dates_in_utc()
    {
        var jira = _fixture.NewJira("dc");
        jira.Get("/rest/api/2/myself", _ => FakeJira.Json(401, """{"errorMessages":["You are not logged in"]}"""));
        jira.Get("/rest/api/2/field", _ => FakeJira.Json(200, "[]"));
        var search = new FakeDataCenterSearch([IssueJson.Issue("1", "PAY-1", "2026-11-20T10:00:00.000+0000")]);
        jira.Get("/rest/api/2/search", search.Handle);
        await using var source = jira.Create(jira.Settings(cloud: false) with { Overlap = TimeSpan.Zero });

        var pages = await source.ReadChangesAsync("", new SyncCursor(new DateTimeOffset(2026, 11, 20, 9, 30, 45, TimeSpan.Zero)), CancellationToken.None).ToListAsync();

        Assert.Single(pages.Single().Records);
        Assert.Contains("updated >= \"2026-11-20 09:30\"", search.Calls.Single().Jql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Online_validation_names_each_configured_field_jira_does_not_have()
    {
        var jira = _fixture.NewJira("cloud");
        jira.Post("/rest/api/3/search/jql", _ => FakeJira.Json(200, IssueJson.CloudPage([], null, true)));
        jira.Get("/rest/api/3/field", _ => FakeJira.Json(200, """[{"id":"summary"},{"id":"customfield_10016","name":"Story Points"}]"""));
        var settings = jira.Settings(cloud: true) with
        {
            EstimateField = "customfield_10016",
            TeamField = "customfield_99999",
            Fields = new Dictionary<string, string> { ["tier"] = "Tier" },
        };
        await using var source = jira.Create(settings);

        var problems = await source.ValidateOnlineAsync(CancellationToken.None);

        Assert.Equal(["sources[jira].fields.tier", "sources[jira].teamField"], problems.Select(p => p.Path));
        Assert.Contains("'customfield_99999'", problems[1].Message, StringComparison.Ordinal);
    }
}
