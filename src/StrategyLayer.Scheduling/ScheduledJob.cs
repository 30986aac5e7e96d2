using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Scheduling;

/// <summary>The jobs a schedule may name, the name a schedule's run records carry, and the ids derived from them.</summary>
public static class ScheduledJob
{
    public static readonly IReadOnlyList<string> Kinds = ["run", "sync", "report"];

    public static string NameOf(string job, string? source, string? audience)
    {
        var kind = job.Trim().ToLowerInvariant();
        return kind switch
        {
            "sync" when !string.IsNullOrWhiteSpace(source) => $"sync:{source}",
            "report" when !string.IsNullOrWhiteSpace(audience) => $"report:{audience}",
            _ => kind,
        };
    }

    public static string NameOf(ScheduleSettings schedule) => NameOf(schedule.Job, schedule.Source, schedule.Audience);

    /// <summary>
    /// The schedule's identity in Quartz: its job name and a digest of what it runs and when. It
    /// does not depend on the schedule's place in the config, so every node of a cluster (and a
    /// restart with one schedule added above it) names the same schedule the same way.
    /// </summary>
    public static string KeyOf(ScheduleSettings schedule, TimeZoneInfo zone) =>
        NameOf(schedule) + "-" + Digest($"{NameOf(schedule)}\n{schedule.Cron.Trim()}\n{ScheduleCheck.ZoneOf(schedule, zone).Id}")[..12];

    /// <summary>
    /// The run record's id for one firing: the same for the same schedule and fire time, so a
    /// firing recovered on another node after its first node died completes the same record.
    /// </summary>
    public static string RunIdOf(string name, DateTimeOffset scheduledFor) =>
        Digest(name + "@" + scheduledFor.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))[..32];

    private static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
