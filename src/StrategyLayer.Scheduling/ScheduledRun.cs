using System.Globalization;
using Quartz;

namespace StrategyLayer.Scheduling;

/// <summary>
/// The Quartz job for one schedule. Its data says what to run (job, source, audience) rather than
/// pointing into this process's config, so a firing means the same on every node. A catch-up
/// firing carries the missed fire time it serves; a recovered firing (its node died) carries the
/// original one as its scheduled fire time.
/// </summary>
internal sealed class ScheduledRun : IJob
{
    public const string JobKey = "job";
    public const string SourceKey = "source";
    public const string AudienceKey = "audience";
    public const string ScheduledForKey = "scheduledFor";

    private readonly ScheduleHost.Session _session;

    public ScheduledRun(ScheduleHost.Session session)
    {
        _session = session;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var catchUp = data.TryGetString(ScheduledForKey, out var text) && !string.IsNullOrEmpty(text);
        var scheduledFor = catchUp
            ? DateTimeOffset.Parse(text!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : context.ScheduledFireTimeUtc ?? context.FireTimeUtc;

        // A recovery trigger fires at the time the dead node's firing actually fired; the time it
        // was scheduled for, which names its run record, travels in its data.
        if (!catchUp && context.Recovering && data.TryGetValue(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime, out var original) && Instant(original) is { } at)
        {
            scheduledFor = at;
        }

        var job = data.GetString(JobKey) ?? "run";
        var request = new JobRequest(
            ScheduledJob.RunIdOf(ScheduledJob.NameOf(job, Blank(data, SourceKey), Blank(data, AudienceKey)), scheduledFor),
            job,
            Blank(data, SourceKey),
            Blank(data, AudienceKey),
            scheduledFor,
            catchUp,
            context.Recovering);
        await _session.ExecuteAsync(request, cancellationToken);
    }

    private static DateTimeOffset? Instant(object? value)
    {
        switch (value)
        {
            case DateTimeOffset instant:
                return instant;
            case DateTime time:
                return new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc));
        }

        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            // Ticks or Unix milliseconds: a tick count of this century is some 10^17, milliseconds 10^12.
            return number > 100_000_000_000_000 ? new DateTimeOffset(number, TimeSpan.Zero) : DateTimeOffset.FromUnixTimeMilliseconds(number);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.ToUniversalTime() : null;
    }

    private static string? Blank(JobDataMap data, string key) => data.GetString(key) is { Length: > 0 } value ? value : null;
}
