namespace StrategyLayer.Domain.Settings;

/// <summary>A Quartz cron schedule for one job.</summary>
public sealed record ScheduleSettings
{
    /// <summary><c>run</c>, <c>sync</c> or <c>report</c>.</summary>
    public required string Job { get; init; }

    /// <summary>Quartz cron expression, seconds first (<c>0 0 6 ? * MON</c>).</summary>
    public required string Cron { get; init; }

    /// <summary>For <c>sync</c>: one source (all when null).</summary>
    public string? Source { get; init; }

    /// <summary>For <c>report</c>: one audience (all when null).</summary>
    public string? Audience { get; init; }

    /// <summary>Overrides the config's time zone.</summary>
    public string? TimeZone { get; init; }
}
