namespace StrategyLayer.Web;

/// <summary>
/// Hands the ASP.NET host's loggers (Kestrel, Data Protection, authentication) to the caller's
/// factory, so the host's lines reach the same log as the web view's own, filtered by the host's rules.
/// </summary>
internal sealed class HostLoggerProvider(ILoggerFactory logs) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => logs.CreateLogger(categoryName);

    public void Dispose()
    {
        // The factory is the caller's; it outlives the web host.
    }
}
