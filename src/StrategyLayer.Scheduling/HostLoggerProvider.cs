using Microsoft.Extensions.Logging;

namespace StrategyLayer.Scheduling;

/// <summary>
/// Hands Quartz's own loggers to the host's factory. Quartz's standalone builder sends its logging
/// to its static LogProvider (silent unless set) unless its container has a provider as well as a
/// factory; this is that provider, so Quartz's lines (a node found dead, its firings recovered)
/// reach the host's log without a process-wide setting.
/// </summary>
internal sealed class HostLoggerProvider(ILoggerFactory logs) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => logs.CreateLogger(categoryName);

    public void Dispose()
    {
        // The factory is the host's; it outlives the scheduler.
    }
}
