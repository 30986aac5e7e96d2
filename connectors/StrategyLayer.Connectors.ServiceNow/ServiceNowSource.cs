using Microsoft.Extensions.Logging;
using StrategyLayer.Connectors.Contract;

namespace StrategyLayer.Connectors.ServiceNow;

/// <summary>The ServiceNow connector's one entry point.</summary>
public static class ServiceNowSource
{
    public const string Type = "servicenow";

    /// <summary>
    /// A ServiceNow source's settings before the config file's own values: the connector's defaults
    /// (tables incident, change_request and problem; pages of 1000 records).
    /// </summary>
    public static SourceSettings Defaults(string name, Uri baseUrl) => new()
    {
        Name = name,
        Type = Type,
        BaseUrl = baseUrl,
        Tables = ServiceNowOptions.DefaultTables,
        PageSize = 1000,
    };

    /// <summary>
    /// A read-only ServiceNow source over the Table API: one partition per table in
    /// <see cref="Domain.Settings.SourceDescription.Tables"/> (default incident, change_request, problem). Auth comes
    /// from <see cref="Domain.Settings.SourceDescription.Auth"/>: basic, bearer, or OAuth (password or client-credentials
    /// grant against /oauth_token.do). Throws <see cref="Domain.Errors.DiagnosticsException"/> for bad settings.
    /// </summary>
    public static IWorkSource Create(SourceSettings settings, ILoggerFactory logs, TimeProvider time) =>
        new ServiceNowClient(settings, ServiceNowOptions.From(settings), logs, time);
}
