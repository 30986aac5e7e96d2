namespace StrategyLayer.Web.Tests.Support;

/// <summary>One web view per test class: a seeded temp store behind a real Kestrel on a free loopback port.</summary>
public class LoopbackServer : IAsyncLifetime
{
    private RunningWebServer? server;
    private Serilog.Extensions.Logging.SerilogLoggerFactory? logs;

    public LoopbackServer()
        : this(extraWebItems: 120)
    {
    }

    protected LoopbackServer(int extraWebItems, Func<DemoStore, IEnumerable<Domain.Items.WorkItem>>? more = null)
    {
        Demo = new DemoStore(extraWebItems, more);
    }

    public DemoStore Demo { get; }

    public CollectingSink Log { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public string Url => server!.Url;

    public Task Warmed => server!.Warmed;

    public async Task InitializeAsync()
    {
        await Demo.SeedAsync();
        logs = new Serilog.Extensions.Logging.SerilogLoggerFactory(new Serilog.LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(Log).CreateLogger(), dispose: true);
        server = await WebServer.StartAsync(Configure(Demo.Options()), Demo.Store, logs: logs);
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(server.Url) };
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Demo.Dispose();
        logs?.Dispose();
    }

    protected virtual WebServerOptions Configure(WebServerOptions options) => options;
}
