using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Cli.Logging;

/// <summary>
/// Serilog for the CLI: a console sink on stderr (warnings and up unless verbose), a rolling
/// compact-JSON file per day, both masked. Credential-carrying records destructure without secrets.
/// </summary>
internal static class LogSetup
{
    /// <param name="consoleLine">Where console lines go (above the live display while it draws); null: stderr.</param>
    public static Serilog.Core.Logger Create(SecretMask mask, string? logFolder, LogEventLevel consoleLevel, Action<string>? consoleLine = null)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .Enrich.WithProperty("Pid", Environment.ProcessId)
            .Destructure.ByTransforming<SourceAuth>(a => new { a.Kind, a.User, a.Grant })
            .Destructure.ByTransforming<SmtpSettings>(s => new { s.Host, s.Port, s.Security, s.User })
            .Destructure.ByTransforming<ChannelSettings>(c => new { c.Name, c.Type, c.Path, c.Format })
            .WriteTo.Sink(
                new ConsoleLineSink(
                    new MaskingFormatter(new MessageTemplateTextFormatter("[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}"), mask),
                    consoleLine ?? (line => Console.Error.Write(line))),
                restrictedToMinimumLevel: consoleLevel);
        if (logFolder is not null)
        {
            configuration = configuration.WriteTo.File(
                new MaskingFormatter(new CompactJsonFormatter(), mask),
                Path.Combine(logFolder, "strategylayer-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                shared: true);
        }

        return configuration.CreateLogger();
    }
}
