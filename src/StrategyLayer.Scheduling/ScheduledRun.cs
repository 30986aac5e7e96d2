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

    private static string? Blank(JobDataMap data, string key) => data.GetString(key) is { Length: > 0 } value ? value : null;
}
