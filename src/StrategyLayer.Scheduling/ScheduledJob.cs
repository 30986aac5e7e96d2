using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Scheduling;

/// <summary>The jobs a schedule may name, and the name a schedule's run records carry.</summary>
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
}
