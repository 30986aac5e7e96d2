using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StrategyLayer.Connectors.Contract;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace StrategyLayer.Connectors.Jira.Tests.Support;

/// <summary>A Jira-shaped HTTP server for one test: a path prefix on the class's WireMock server.</summary>
internal sealed class FakeJira
{
    public static readonly ResilienceSettings FastRetries = new()
    {
        MaxRetries = 3,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromSeconds(3),
        Timeout = TimeSpan.FromSeconds(10),
        NearLimitPause = TimeSpan.FromMilliseconds(300),
    };

    public FakeJira(WireMockServer server, string prefix)
    {
        Server = server;
        Prefix = prefix;
    }

    public WireMockServer Server { get; }

    public string Prefix { get; }

    public Uri BaseUrl => new(Server.Urls[0] + Prefix);

    /// <summary>"Now" for the connector: a few days after the test data.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public IReadOnlyList<ILogEntry> Requests =>
        Server.LogEntries.Where(e => e.RequestMessage.Path.StartsWith(Prefix + "/", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<ILogEntry> RequestsTo(string path) =>
        Requests.Where(e => e.RequestMessage.Path == Prefix + path).ToList();

    public SourceSettings Settings(bool cloud, string scope = "project = PAY") => new()
    {
        Name = "jira",
        Type = cloud ? "jira-cloud" : "jira-datacenter",
        BaseUrl = BaseUrl,
        Scope = scope,
        PageSize = 50,
        Resilience = FastRetries,
    };

    public IWorkSource Create(SourceSettings settings, ILoggerFactory? logs = null) =>
        JiraSource.Create(settings, logs ?? NullLoggerFactory.Instance, Time);

    /// <summary>
    /// Runs <paramref name="work"/> while moving the connector's clock on by <paramref name="step"/>
    /// whenever the work is waiting: retries and pauses wait on that clock, never on the system's timers.
    /// </summary>
    public async Task<T> AdvancingAsync<T>(Func<Task<T>> work, TimeSpan step)
    {
        var task = work();
        while (await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(5))).ConfigureAwait(false) != task)
        {
            Time.Advance(step);
        }

        return await task.ConfigureAwait(false);
    }

    public FakeJira Get(string path, Func<IRequestMessage, ResponseMessage> handler)
    {
        Server.Given(Request.Create().WithPath(Prefix + path).UsingGet()).RespondWith(Response.Create().WithCallback(handler));
        return this;
    }

    public FakeJira Post(string path, Func<IRequestMessage, ResponseMessage> handler)
    {
        Server.Given(Request.Create().WithPath(Prefix + path).UsingPost()).RespondWith(Response.Create().WithCallback(handler));
        return this;
    }

    /// <summary>GET /myself on both API versions, with the profile time zone.</summary>
    public FakeJira Myself(string timeZone)
    {
        var body = new JsonObject { ["accountId"] = "5b10a2844c20165700ede21g", ["displayName"] = "Sync Bot", ["timeZone"] = timeZone }.ToJsonString();
        Get("/rest/api/3/myself", _ => Json(200, body));
        return Get("/rest/api/2/myself", _ => Json(200, body));
    }

    /// <summary>Serves Cloud search pages in order, following nextPageToken ("p1", "p2", …).</summary>
    public FakeJira CloudPages(params IReadOnlyList<JsonObject>[] pages) => Post("/rest/api/3/search/jql", req =>
    {
        var token = JsonNode.Parse(req.Body!)!["nextPageToken"]?.GetValue<string>();
        var index = token is null ? 0 : int.Parse(token[1..], System.Globalization.CultureInfo.InvariantCulture);
        var last = index >= pages.Length - 1;
        return Json(200, IssueJson.CloudPage(pages.Length == 0 ? [] : pages[index], last ? null : "p" + (index + 1), last));
    });

    public static ResponseMessage Json(int status, string body, params (string Name, string Value)[] headers)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json;charset=UTF-8") },
        };
        foreach (var (name, value) in headers)
        {
            response.Headers[name] = new WireMockList<string>(value);
        }

        return response;
    }
}
