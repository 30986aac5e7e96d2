using System.Globalization;

namespace StrategyLayer.Store.LiteDb.Locking;

/// <summary>The holder as the lock file holds it: <c>key=value</c> lines, written by the holder, read back by a process that is refused.</summary>
internal static class LockFileText
{
    public static string Format(LockHolder holder) => string.Join('\n',
        "pid=" + holder.ProcessId.ToString(CultureInfo.InvariantCulture),
        "process=" + holder.ProcessName,
        "commandLine=" + holder.CommandLine.Replace('\n', ' '),
        "processStarted=" + (holder.ProcessStarted?.ToString("O", CultureInfo.InvariantCulture) ?? ""),
        "since=" + holder.Since.ToString("O", CultureInfo.InvariantCulture)) + "\n";

    public static LockHolder? Parse(string text)
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
