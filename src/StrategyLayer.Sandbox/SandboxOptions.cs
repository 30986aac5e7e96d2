namespace StrategyLayer.Sandbox;

/// <summary>
/// How to start a sandbox. Everything the sandbox generates is a pure function of
/// <see cref="Seed"/>, the item count and its "now" (<see cref="Now"/>, by default the start of the
/// day it runs), so two sandboxes with the same options started the same day serve the same data.
/// </summary>
public sealed record SandboxOptions
{
    /// <summary>Defaults: a free port, <c>small</c>, seed 42, no auth, no faults, no logging.</summary>
    public static SandboxOptions Default { get; } = new();

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary><c>small</c> (~2,000 items), <c>medium</c> (~50,000), <c>large</c> (~300,000) or an explicit item count.</summary>
    public string Size { get; init; } = "small";

    /// <summary>Seed for every generated value and every injected fault.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// The generator's "now": data is spread over ~3 quarters before it, and the sandbox clock starts
    /// here. Null (the default): the start of today, UTC, on the clock the sandbox runs on
    /// (<see cref="AnchorOn"/>), so the demo's world is as old on any day as on another.
    /// </summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>The generator's "now" for a sandbox whose clock is <paramref name="time"/>: <see cref="Now"/>, else today's date at 00:00 UTC.</summary>
    public DateTimeOffset AnchorOn(TimeProvider time) => Now ?? new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);

    /// <summary>The Jira user's profile time zone (returned by /myself; bare JQL dates are read in it).</summary>
    public string JiraTimeZone { get; init; } = "Europe/Lisbon";

    /// <summary>When true, every vendor call needs valid Basic or Bearer credentials.</summary>
    public bool RequireAuth { get; init; }

    /// <summary>User name (Jira: e-mail) accepted with Basic auth and the OAuth password grant.</summary>
    public string User { get; init; } = "sandbox@example.com";

    /// <summary>Password or API token accepted with Basic auth and the OAuth password grant.</summary>
    public string Password { get; init; } = "sandbox-token";

    /// <summary>Jira Data Center personal access token accepted as Bearer.</summary>
    public string PersonalAccessToken { get; init; } = "sandbox-pat";

    /// <summary>ServiceNow OAuth client id.</summary>
    public string ClientId { get; init; } = "sandbox-client";

    /// <summary>ServiceNow OAuth client secret.</summary>
    public string ClientSecret { get; init; } = "sandbox-secret";

    /// <summary>Injected faults (429 and 5xx rates); can be changed while running.</summary>
    public SandboxFaults Faults { get; init; } = SandboxFaults.None;

    /// <summary>Jira Data Center's silent cap on maxResults.</summary>
    public int DataCenterMaxResults { get; init; } = 1000;

    /// <summary>Jira Data Center (OpenSearch) refuses startAt at or beyond this window.</summary>
    public int DataCenterResultWindow { get; init; } = 10_000;

    /// <summary>Most requests the request log keeps (oldest dropped first).</summary>
    public int RequestLogCapacity { get; init; } = 100_000;

    /// <summary>Write ASP.NET Core logs to the console (off by default).</summary>
    public bool Logging { get; init; }

    /// <summary>The item count this size means.</summary>
    public int ItemCount() => Size.Trim().ToLowerInvariant() switch
    {
        "small" => 2_000,
        "medium" => 50_000,
        "large" => 300_000,
        var s when int.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 10 => n,
        _ => throw new ArgumentException($"Sandbox size '{Size}' is not small, medium, large or a count of at least 10.", nameof(Size)),
    };
}
