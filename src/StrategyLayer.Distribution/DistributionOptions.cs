namespace StrategyLayer.Distribution;

/// <summary>How failed deliveries are retried, and who attempts them.</summary>
public sealed record DistributionOptions
{
    public static DistributionOptions Default { get; } = new();

    /// <summary>This process, as an attempt in the outbox names it (the scheduler's node).</summary>
    public string Node { get; init; } = "local";

    /// <summary>Wait before the first retry; doubled after each further failure.</summary>
    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between retries. A delivery is never given up: it stays in the outbox.</summary>
    public TimeSpan MaxRetry { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Subject used when an email channel names none (Scriban).</summary>
    public string DefaultSubject { get; init; } = "{{audience}} — {{period}} status pack";

    /// <summary>Subject of exception notifications (Scriban).</summary>
    public string ExceptionSubject { get; init; } = "{{audience}} — {{period}} exceptions";

    /// <summary>The wait after <paramref name="attempts"/> failed attempts.</summary>
    public TimeSpan BackoffAfter(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ticks = FirstRetry.Ticks * Math.Pow(2, exponent);
        return ticks >= MaxRetry.Ticks ? MaxRetry : TimeSpan.FromTicks((long)ticks);
    }
}
