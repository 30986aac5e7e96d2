namespace StrategyLayer.Sandbox;

/// <summary>Fault injection: shares of vendor requests answered 429 or 5xx, drawn from the seed.</summary>
public sealed record SandboxFaults
{
    /// <summary>No faults.</summary>
    public static SandboxFaults None { get; } = new();

    /// <summary>Share (0..1) of requests answered 429 Too Many Requests.</summary>
    public double RateLimitedShare { get; init; }

    /// <summary>Share (0..1) of requests answered 500 or 503.</summary>
    public double ServerErrorShare { get; init; }

    /// <summary>Retry-After value sent with 429 and 503.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Send Jira's X-RateLimit-NearLimit: true on successful responses.</summary>
    public bool NearLimit { get; init; }
}
