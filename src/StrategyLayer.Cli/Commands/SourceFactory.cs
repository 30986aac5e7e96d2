using Microsoft.Extensions.Logging;
using StrategyLayer.Configuration;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Connectors.Jira;
using StrategyLayer.Connectors.ServiceNow;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Cli.Commands;

/// <summary>Turns a configured source into its connector's settings and builds the connector for its type.</summary>
internal static class SourceFactory
{
    public static IWorkSource Create(SourceConfig source, ILoggerFactory logs, TimeProvider time) => Create(Settings(source), logs, time);

    public static IWorkSource Create(SourceSettings settings, ILoggerFactory logs, TimeProvider time) => settings.Type switch
    {
        ServiceNowSource.Type => ServiceNowSource.Create(settings, logs, time),
        JiraSource.CloudType or JiraSource.DataCenterType => JiraSource.Create(settings, logs, time),
        _ => throw Unavailable(settings.Type, settings.Name),
    };

    /// <summary>The connector's defaults for the source's type, overridden by what the config file says.</summary>
    public static SourceSettings Settings(SourceConfig source)
    {
        var defaults = source.Type switch
        {
            ServiceNowSource.Type => ServiceNowSource.Defaults(source.Name, source.BaseUrl),
            JiraSource.CloudType or JiraSource.DataCenterType => JiraSource.Defaults(source.Name, source.Type, source.BaseUrl),
            _ => throw Unavailable(source.Type, source.Name),
        };
        return defaults with
        {
            Scope = source.Scope,
            Auth = source.Auth,
            Tables = source.Tables.Count > 0 ? source.Tables : defaults.Tables,
            TeamField = source.TeamField ?? defaults.TeamField,
            Fields = source.Fields,
            EstimateField = source.EstimateField ?? defaults.EstimateField,
            NotDoneResolutions = source.NotDoneResolutions ?? defaults.NotDoneResolutions,
            Overlap = source.Overlap ?? defaults.Overlap,
            PageSize = source.PageSize ?? defaults.PageSize,
            Resilience = source.MaxRetries is { } retries ? defaults.Resilience with { MaxRetries = retries } : defaults.Resilience,
            Options = source.Options,
        };
    }

    private static StrategyLayerException Unavailable(string type, string name) =>
        new($"source type '{type}' of source '{name}' is not available in this build", ErrorKind.Usage);
}
