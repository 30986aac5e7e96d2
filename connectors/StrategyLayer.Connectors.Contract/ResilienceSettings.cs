namespace StrategyLayer.Connectors.Contract;

/// <summary>Retry and pacing for one source. Tests shrink the delays; production keeps the defaults.</summary>
public sealed record ResilienceSettings
{
    public static readonly ResilienceSettings Default = new();

    public int MaxRetries { get; init; } = 6;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Pause between requests once the server says we are near its limit.</summary>
    public TimeSpan NearLimitPause { get; init; } = TimeSpan.FromSeconds(1);
}
