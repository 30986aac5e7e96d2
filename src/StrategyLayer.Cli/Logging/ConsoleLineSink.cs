using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using StrategyLayer.Cli.Output;

namespace StrategyLayer.Cli.Logging;

/// <summary>
/// The console side of the log: each event formatted (and masked), cleaned of control sequences (a
/// message may quote a source's text), then handed to the invocation, which writes it above the live
/// display while one draws, or to stderr.
/// </summary>
internal sealed class ConsoleLineSink(ITextFormatter formatter, Action<string> write) : ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        using var buffer = new StringWriter();
        formatter.Format(logEvent, buffer);
        var line = TerminalText.Clean(buffer.ToString());
        lock (_gate)
        {
            write(line);
        }
    }
}
