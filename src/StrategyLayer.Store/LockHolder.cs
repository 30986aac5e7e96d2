using System.Globalization;

namespace StrategyLayer.Store;

/// <summary>Who holds a store: the process, its command line and since when (an engine with one writer process says so).</summary>
public sealed record LockHolder(int ProcessId, string ProcessName, string CommandLine, DateTimeOffset? ProcessStarted, DateTimeOffset Since)
{
    public string Describe() =>
        $"process {ProcessId} ({CommandLine}) since {Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";
}
