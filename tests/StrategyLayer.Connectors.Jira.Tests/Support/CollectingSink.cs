using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace StrategyLayer.Connectors.Jira.Tests.Support;

/// <summary>Keeps every log event so a test can read what would have been written.</summary>
internal sealed class CollectingSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => _events.ToArray();

    public string AllText => string.Join("\n", _events.Select(e => e.RenderMessage() + " " + string.Join(" ", e.Properties.Values)));

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
}
