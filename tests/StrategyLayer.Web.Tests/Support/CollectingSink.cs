using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace StrategyLayer.Web.Tests.Support;

/// <summary>Keeps every log event, so tests can see what the server logged (and that the browser did not get it).</summary>
public sealed class CollectingSink : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);

    public string Errors() => string.Join(Environment.NewLine, Events.Where(e => e.Level >= LogEventLevel.Error).Select(e => e.RenderMessage() + " " + e.Exception));
}
