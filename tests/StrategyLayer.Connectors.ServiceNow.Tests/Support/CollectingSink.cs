using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace StrategyLayer.Connectors.ServiceNow.Tests.Support;

/// <summary>Keeps every log event, rendered with its properties, to check what reached the log.</summary>
public sealed class CollectingSink : ILogEventSink
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToList();
            }
        }
    }

    /// <summary>Loggers as the CLI makes them (Serilog behind Microsoft.Extensions.Logging), writing here.</summary>
    public ILoggerFactory Logs() => new SerilogLoggerFactory(new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger(), dispose: true);

    public void Emit(LogEvent logEvent)
    {
        var line = logEvent.RenderMessage() + " " + string.Join(" ", logEvent.Properties.Select(p => p.Key + "=" + p.Value));
        lock (_lines)
        {
            _lines.Add(line);
        }
    }
}
