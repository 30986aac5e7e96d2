namespace StrategyLayer.Sandbox.Data;

/// <summary>The sandbox's clock: starts at the generator's "now" and runs with the injected time (plus manual advances).</summary>
internal sealed class SandboxClock(DateTimeOffset start, TimeProvider time)
{
    private readonly long startTimestamp = time.GetTimestamp();
    private long advancedTicks;

    public DateTimeOffset GeneratedNow { get; } = start;

    public DateTimeOffset Now => GeneratedNow + time.GetElapsedTime(startTimestamp) + TimeSpan.FromTicks(Interlocked.Read(ref advancedTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref advancedTicks, by.Ticks);
}
