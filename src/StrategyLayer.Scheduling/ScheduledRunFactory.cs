using Quartz;
using Quartz.Extensibility;

namespace StrategyLayer.Scheduling;

/// <summary>Hands Quartz a <see cref="ScheduledRun"/> bound to the running session (no container).</summary>
internal sealed class ScheduledRunFactory : IJobFactory
{
    private readonly ScheduleHost.Session _session;

    public ScheduledRunFactory(ScheduleHost.Session session)
    {
        _session = session;
    }

    public ValueTask<JobScope> CreateJob(TriggerFiredBundle bundle, IScheduler scheduler, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new JobScope(new ScheduledRun(_session), null!));

    public ValueTask ReturnJob(JobScope scope, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
