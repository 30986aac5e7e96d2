using System.Globalization;

namespace StrategyLayer.Store.LiteDb.Locking;

/// <summary>Who holds a store: written into the lock file, read back by a process that is refused.</summary>
public sealed record LockHolder(int ProcessId, string ProcessName, string CommandLine, DateTimeOffset? ProcessStarted, DateTimeOffset Since)
{
    public string Describe() =>
        $"process {ProcessId} ({CommandLine}) since {Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";

    internal string ToText() => string.Join('\n',
        "pid=" + ProcessId.ToString(CultureInfo.InvariantCulture),
        "process=" + ProcessName,
        "commandLine=" + CommandLine.Replace('\n', ' '),
        "processStarted=" + (ProcessStarted?.ToString("O", CultureInfo.InvariantCulture) ?? ""),
        "since=" + Since.ToString("O", CultureInfo.InvariantCulture)) + "\n";

    internal static LockHolder? Parse(string text)
    {
        var values = text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        if (!values.TryGetValue("pid", out var pidText) || !int.TryParse(pidText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        static DateTimeOffset? Date(Dictionary<string, string> v, string key) =>
            v.TryGetValue(key, out var s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d) ? d : null;

        return new LockHolder(
            pid,
            values.GetValueOrDefault("process") ?? "?",
            values.GetValueOrDefault("commandLine") ?? "?",
            Date(values, "processStarted"),
            Date(values, "since") ?? DateTimeOffset.MinValue);
    }
}
