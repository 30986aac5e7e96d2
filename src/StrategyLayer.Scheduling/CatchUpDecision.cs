namespace StrategyLayer.Scheduling;

/// <summary>Whether to fire a schedule once at start-up, for which missed fire time, and why.</summary>
public sealed record CatchUpDecision(bool Fire, DateTimeOffset? ScheduledFor, string Reason)
{
    public static CatchUpDecision No(string reason) => new(false, null, reason);
}
