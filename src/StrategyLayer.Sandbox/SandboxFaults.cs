namespace StrategyLayer.Sandbox;

/// <summary>
/// Fault injection: shares of vendor requests answered 429 or 5xx, drawn from the seed; and records
/// served as real instances have served them (text that cannot be read as it is, records that
/// cannot be read at all). All off by default.
/// </summary>
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

    /// <summary>
    /// Jira keys and ServiceNow numbers whose title comes as some instances send text: Jira's summary
    /// ends with an escaped lone UTF-16 surrogate (<c>\ud800</c>), ServiceNow's short_description with
    /// bytes that are not UTF-8. Their updated time does not change.
    /// </summary>
    public IReadOnlySet<string> GarbledText { get; init; } = new HashSet<string>();

    /// <summary>Jira keys and ServiceNow numbers whose record cannot be read: Jira's created and ServiceNow's opened_at are not dates.</summary>
    public IReadOnlySet<string> Unreadable { get; init; } = new HashSet<string>();
}
