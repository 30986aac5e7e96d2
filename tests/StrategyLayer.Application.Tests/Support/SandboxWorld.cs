using Microsoft.Extensions.Logging;
using StrategyLayer.Configuration;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Connectors.Jira;
using StrategyLayer.Connectors.ServiceNow;
using StrategyLayer.Sandbox;

namespace StrategyLayer.Application.Tests.Support;

/// <summary>
/// The small sandbox on a free loopback port, once per test class, and the demo's config pointed at
/// it: every application built from <see cref="NewApp"/> has a store file of its own in a temp folder.
/// </summary>
public class SandboxWorld : IAsyncLifetime
{
    private readonly List<TestRunContext> contexts = [];
    private SandboxHandle? sandbox;

    public string Folder { get; } = Directory.CreateTempSubdirectory("sl-app-").FullName;

    public AppConfig Config { get; private set; } = null!;

    /// <summary>What the host gives the application: the connectors this build ships.</summary>
    public static IWorkSource Source(SourceConfig source, ILoggerFactory logs, TimeProvider time)
    {
        var defaults = source.Type == "servicenow" ? ServiceNowSource.Defaults(source.Name, source.BaseUrl) : JiraSource.Defaults(source.Name, source.Type, source.BaseUrl);
        var settings = defaults with
        {
            Scope = source.Scope,
            Auth = source.Auth,
            Tables = source.Tables.Count > 0 ? source.Tables : defaults.Tables,
            TeamField = source.TeamField ?? defaults.TeamField,
            Fields = source.Fields,
            EstimateField = source.EstimateField ?? defaults.EstimateField,
            PageSize = source.PageSize ?? defaults.PageSize,
            Options = source.Options,
        };
        return settings.Type == "servicenow" ? ServiceNowSource.Create(settings, logs, time) : JiraSource.Create(settings, logs, time);
    }

    public virtual async Task InitializeAsync()
    {
        sandbox = await SandboxServer.StartAsync(SandboxOptions.Default with { Port = 0, Size = "small" }, TimeProvider.System, CancellationToken.None);
        var demo = await ConfigLoader.LoadAsync(Path.Combine(RepoRoot(), "config", "strategylayer.json"), null, CancellationToken.None);
        Config = demo with
        {
            Sources = [.. demo.Sources.Select(s => s with
            {
                BaseUrl = new Uri(s.Type switch { "jira-cloud" => sandbox.JiraCloudUrl, "jira-datacenter" => sandbox.JiraDataCenterUrl, _ => sandbox.ServiceNowUrl }),
            })],
            Logs = Path.Combine(Folder, "logs"),
            Channels = [.. demo.Channels.Select(c => c with { Path = c.Path is null ? null : Path.Combine(Folder, "share") })],
            Audiences = [.. demo.Audiences.Select(a => a with { Format = "html" })],
        };
    }

    /// <summary>The application over a new, empty store file.</summary>
    internal (StrategyApp App, TestRunContext Context) NewApp(string name)
    {
        var context = new TestRunContext(Config, Path.Combine(Folder, name, "store.db"));
        Directory.CreateDirectory(Path.GetDirectoryName(context.StorePath)!);
        contexts.Add(context);
        return (new StrategyApp(context, Source), context);
    }

    public async Task DisposeAsync()
    {
        foreach (var context in contexts)
        {
            context.Dispose();
        }

        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StrategyLayer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("StrategyLayer.sln not found above " + AppContext.BaseDirectory);
    }
}
