using Serilog.Events;
using Serilog.Formatting;

namespace StrategyLayer.Cli.Logging;

/// <summary>Renders with the inner formatter, then masks secrets in the whole text (message, properties, exception).</summary>
internal sealed class MaskingFormatter(ITextFormatter inner, SecretMask mask) : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var buffer = new StringWriter();
        inner.Format(logEvent, buffer);
        output.Write(mask.Apply(buffer.ToString()));
    }
}
