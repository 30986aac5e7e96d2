using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace StrategyLayer.Mapping.Tests.Support;

/// <summary>Keeps every log event, so a test can see what a map run logged.</summary>
public sealed class CollectingSink : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
}
