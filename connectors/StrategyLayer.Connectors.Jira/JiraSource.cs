using Microsoft.Extensions.Logging;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Connectors.Jira;

/// <summary>The Jira connector's one entry point.</summary>
public static class JiraSource
{
    public const string CloudType = "jira-cloud";
    public const string DataCenterType = "jira-datacenter";

    /// <summary>True for the source types this connector serves.</summary>
    public static bool Handles(string type) =>
        string.Equals(type, CloudType, StringComparison.OrdinalIgnoreCase)
        || string.Equals(type, DataCenterType, StringComparison.OrdinalIgnoreCase);

    /// <summary>A Jira source's settings before the config file's own values: the connector's defaults.</summary>
    public static SourceSettings Defaults(string name, string type, Uri baseUrl) => new() { Name = name, Type = type, BaseUrl = baseUrl };

    /// <summary>
    /// A read-only Jira source for <c>jira-cloud</c> (REST v3, <c>/search/jql</c>) or
    /// <c>jira-datacenter</c> (REST v2, <c>/search</c> sliced by <c>updated</c>).
    /// </summary>
    public static IWorkSource Create(SourceSettings settings, ILoggerFactory logs, TimeProvider time)
    {
        var flavor = settings.Type.ToLowerInvariant() switch
        {
            CloudType => JiraFlavor.Cloud,
            DataCenterType => JiraFlavor.DataCenter,
            _ => throw new StrategyLayerException(
                $"sources[{settings.Name}].type: '{settings.Type}' is not a Jira type ({CloudType}, {DataCenterType})",
                ErrorKind.Usage,
                $"sources[{settings.Name}].type"),
        };
        return new JiraClient(settings, JiraOptions.From(settings), flavor, logs, time);
    }
}
