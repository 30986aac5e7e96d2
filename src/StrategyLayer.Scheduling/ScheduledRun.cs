using Quartz;

namespace StrategyLayer.Scheduling;

/// <summary>
/// The Quartz job for one schedule. Concurrent firings of it are held back by Quartz
/// (<see cref="DisallowConcurrentExecutionAttribute"/>) and, for the same job named by several
/// schedules, by the host's per-job gate.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ScheduledRun : IJob
{
    public const string IndexKey = "index";
    public const string ScheduledForKey = "scheduledFor";

    private readonly ScheduleHost.Session _session;

    public ScheduledRun(ScheduleHost.Session session)
    {
        _session = session;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var index = Convert.ToInt32(data[IndexKey], System.Globalization.CultureInfo.InvariantCulture);
        var catchUp = data.TryGetValue(ScheduledForKey, out var value) && value is DateTimeOffset;
        var scheduledFor = catchUp ? (DateTimeOffset)value! : context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        await _session.ExecuteAsync(index, scheduledFor, catchUp, cancellationToken);
    }
}
