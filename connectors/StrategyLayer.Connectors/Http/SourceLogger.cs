using Microsoft.Extensions.Logging;

namespace StrategyLayer.Connectors.Http;

/// <summary>
/// A connector's logger: every line it writes carries the source's name as the <c>Source</c>
/// property (a scope around each line), so a log with several sources says which one spoke.
/// </summary>
public sealed class SourceLogger(ILogger inner, string source) : ILogger
{
    private readonly KeyValuePair<string, object>[] _scope = [new("Source", source)];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        using (inner.BeginScope(_scope))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
