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
public static class LogSetup
{
    public static Serilog.Core.Logger Create(SecretMask mask, string? logFolder, LogEventLevel consoleLevel)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .Enrich.WithProperty("Pid", Environment.ProcessId)
            .Destructure.ByTransforming<SourceAuth>(a => new { a.Kind, a.User, a.Grant })
            .Destructure.ByTransforming<SmtpSettings>(s => new { s.Host, s.Port, s.Security, s.User })
            .Destructure.ByTransforming<ChannelSettings>(c => new { c.Name, c.Type, c.Path, c.Format })
            .WriteTo.Console(
                new MaskingFormatter(new MessageTemplateTextFormatter("[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}"), mask),
                restrictedToMinimumLevel: consoleLevel,
                standardErrorFromLevel: LogEventLevel.Verbose);
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
