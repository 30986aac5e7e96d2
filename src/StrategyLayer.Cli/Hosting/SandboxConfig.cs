using StrategyLayer.Configuration;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Cli.Hosting;

/// <summary>The config the demo and the benchmark run with: the demo's, pointed at a sandbox.</summary>
internal static class SandboxConfig
{
    /// <summary>
    /// The demo config (<c>--config</c>, else the one shipped in the tool) with every source pointed at
    /// the sandbox, its store and logs under the current folder (or <c>--store</c>), and links in the
    /// packs to the web view's default address (what <c>strategylayer serve</c> listens on), never to
    /// the sandbox's port, which is gone once the demo ends.
    /// </summary>
    public static async Task<AppConfig> ForAsync(Invocation invocation, string here, string jiraCloud, string jiraDataCenter, string serviceNow, CancellationToken ct)
    {
        var path = invocation.ConfigNamed ?? Installation.DemoConfig;
        ConfigFile.RequireExists(invocation.ConfigNamed, path);
        var config = await ConfigLoader.LoadAsync(path, null, ct).ConfigureAwait(false);

        // The demo starts from an empty store: never from one that belongs to real sources.
        if (config.Sources.FirstOrDefault(s => !s.BaseUrl.IsLoopback) is { } real)
        {
            throw new StrategyLayerException($"{path} names a real source ({real.Name}: {real.BaseUrl}); the demo resets its store, so it only runs with a demo config whose sources are the local sandbox (leave out --config to use the one shipped with StrategyLayer)", ErrorKind.Usage);
        }

        return config with
        {
            Sources = config.Sources.Select(s => s with
            {
                BaseUrl = new Uri(s.Type switch
                {
                    "jira-cloud" => jiraCloud,
                    "jira-datacenter" => jiraDataCenter,
                    _ => serviceNow,
                }),
            }).ToList(),
            Store = invocation.StoreOverride is null ? Path.Combine(here, DemoFolder.Store) : StoreEngines.Locate(invocation.StoreOverride),
            Logs = Path.Combine(here, DemoFolder.Logs),
            WebBaseUrl = config.WebBaseUrl ?? DemoFolder.WebViewUrl,
        };
    }
}
