using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Settings;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace StrategyLayer.Connectors.ServiceNow.Tests.Support;

/// <summary>One WireMock server per test class, answering the Table API from a <see cref="FakeInstance"/>.</summary>
public sealed class ServiceNowServer : IDisposable
{
    public ServiceNowServer()
    {
        Server = WireMockServer.Start();
        Reset();
    }

    public WireMockServer Server { get; }

    public FakeInstance Instance { get; } = new();

    public Uri BaseUrl => new(Server.Url! + "/");

    /// <summary>Empties the instance, the log and any stubs a test added (tests in a class run one at a time).</summary>
    public void Reset()
    {
        Server.Reset();
        Instance.Clear();
        Server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/api/now/table/*")).UsingGet())
            .AtPriority(1000)
            .RespondWith(Response.Create().WithCallback(Instance.Answer));
    }

    public SourceSettings Settings(int pageSize = 3, SourceAuth? auth = null, string scope = "", params string[] tables) => new()
    {
        Name = "servicenow",
        Type = "servicenow",
        BaseUrl = BaseUrl,
        Scope = scope,
        Auth = auth ?? SourceAuth.Anonymous,
        Tables = tables.Length == 0 ? ["incident"] : tables,
        Overlap = TimeSpan.FromMinutes(10),
        Options = new Dictionary<string, string> { ["pageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        Resilience = new ResilienceSettings
        {
            MaxRetries = 3,
            BaseDelay = TimeSpan.FromMilliseconds(5),
            MaxDelay = TimeSpan.FromMilliseconds(50),
            Timeout = TimeSpan.FromSeconds(10),
        },
    };

    public static IWorkSource Source(SourceSettings settings, ILoggerFactory? logs = null, TimeProvider? time = null) =>
        ServiceNowSource.Create(settings, logs ?? NullLoggerFactory.Instance, time ?? TimeProvider.System);

    public void Dispose() => Server.Stop();
}
