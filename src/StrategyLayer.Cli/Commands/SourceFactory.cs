using Serilog;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Connectors.Jira;
using StrategyLayer.Connectors.ServiceNow;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Cli.Commands;

/// <summary>Builds the connector for a configured source type.</summary>
internal static class SourceFactory
{
    public static IWorkSource Create(SourceSettings settings, ILogger log, TimeProvider time) => settings.Type switch
    {
        "servicenow" => ServiceNowSource.Create(settings, log, time),
        "jira-cloud" or "jira-datacenter" => JiraSource.Create(settings, log, time),
        _ => throw new StrategyLayerException($"source type '{settings.Type}' of source '{settings.Name}' is not available in this build", ErrorKind.Usage),
    };
}
