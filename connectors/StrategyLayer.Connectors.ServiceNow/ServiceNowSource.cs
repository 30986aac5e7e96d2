using Serilog;
using StrategyLayer.Connectors.Contract;

namespace StrategyLayer.Connectors.ServiceNow;

/// <summary>The ServiceNow connector's one entry point.</summary>
public static class ServiceNowSource
{
    /// <summary>
    /// A read-only ServiceNow source over the Table API: one partition per table in
    /// <see cref="SourceSettings.Tables"/> (default incident, change_request, problem). Auth comes
    /// from <see cref="SourceSettings.Auth"/>: basic, bearer, or OAuth (password or client-credentials
    /// grant against /oauth_token.do). Throws <see cref="Domain.Errors.DiagnosticsException"/> for bad settings.
    /// </summary>
    public static IWorkSource Create(SourceSettings settings, ILogger log, TimeProvider time) =>
        new ServiceNowClient(settings, ServiceNowOptions.From(settings), log, time);
}
