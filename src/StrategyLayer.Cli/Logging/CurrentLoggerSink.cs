using Serilog.Core;
using Serilog.Events;

namespace StrategyLayer.Cli.Logging;

/// <summary>
/// Hands each event to the session's logger of the moment: the session replaces its logger once the
/// config names a log folder, and the stages' loggers, made before that, must follow it.
/// </summary>
internal sealed class CurrentLoggerSink(Func<Serilog.ILogger> current) : ILogEventSink
{
    public void Emit(LogEvent logEvent) => current().Write(logEvent);
}
