using Quartz;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Scheduling;

/// <summary>Checks every schedule up front: a known job, a valid Quartz cron, a known time zone.</summary>
public static class ScheduleCheck
{
    public static IReadOnlyList<Diagnostic> Check(IReadOnlyList<ScheduleSettings> schedules, string? file = null)
    {
        var found = new List<Diagnostic>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < schedules.Count; i++)
        {
            var s = schedules[i];
            var at = $"$.schedules[{i}]";

            // A schedule is known by what it runs and when (its identity in Quartz): a repeat adds nothing.
            var identity = $"{ScheduledJob.NameOf(s)}|{s.Cron?.Trim()}|{s.TimeZone}";
            if (!seen.TryAdd(identity, i))
            {
                found.Add(new Diagnostic($"schedule {i}: repeats schedule {seen[identity]} (the same job, cron and time zone)", file, Path: at));
            }

            if (!ScheduledJob.Kinds.Contains(s.Job.Trim().ToLowerInvariant()))
            {
                found.Add(new Diagnostic($"schedule {i}: job '{s.Job}' is not one of {string.Join(", ", ScheduledJob.Kinds)}", file, Path: at + ".job"));
            }

            if (CronError(s.Cron) is { } error)
            {
                found.Add(new Diagnostic($"schedule {i}: cron '{s.Cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year]): {error}", file, Path: at + ".cron"));
            }

            if (s.TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(s.TimeZone, out _))
            {
                found.Add(new Diagnostic($"schedule {i}: time zone '{s.TimeZone}' is not known", file, Path: at + ".timeZone"));
            }
        }

        return found;
    }

    /// <summary>Why <paramref name="cron"/> does not parse, or null when it does.</summary>
    public static string? CronError(string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron))
        {
            return "it is empty";
        }

        try
        {
            _ = new CronExpression(cron);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary>The schedule's own zone when it names one, else the config's.</summary>
    public static TimeZoneInfo ZoneOf(ScheduleSettings schedule, TimeZoneInfo fallback) =>
        schedule.TimeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out var zone) ? zone : fallback;
}
