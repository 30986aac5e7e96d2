using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Connectors.Contract;

/// <summary>
/// One configured source, secrets already resolved from the environment. Connector-specific keys
/// stay in <see cref="Options"/> (raw JSON text by key).
/// </summary>
public sealed record SourceSettings
{
    public required string Name { get; init; }

    /// <summary><c>jira-cloud</c>, <c>jira-datacenter</c> or <c>servicenow</c>.</summary>
    public required string Type { get; init; }

    public required Uri BaseUrl { get; init; }

    /// <summary>JQL for Jira (as pasted, ORDER BY allowed); an encoded query for ServiceNow.</summary>
    public string Scope { get; init; } = "";

    public SourceAuth Auth { get; init; } = SourceAuth.Anonymous;

    /// <summary>ServiceNow tables to read.</summary>
    public IReadOnlyList<string> Tables { get; init; } = [];

    /// <summary>What <c>team</c> is: a field name; default Jira project key, ServiceNow assignment group.</summary>
    public string? TeamField { get; init; }

    /// <summary>Extra fields to keep in <c>WorkItem.Fields</c>: name in the item → field id upstream.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>Field id of the estimate (Jira story points custom field, …).</summary>
    public string? EstimateField { get; init; }

    /// <summary>Resolutions that make a done item cancelled (Won't Do, Duplicate, …).</summary>
    public IReadOnlyList<string> NotDoneResolutions { get; init; } = ["Won't Do", "Won't Fix", "Duplicate", "Cannot Reproduce", "Declined"];

    /// <summary>How far before the cursor an incremental sync starts again.</summary>
    public TimeSpan Overlap { get; init; } = TimeSpan.FromMinutes(10);

    public int PageSize { get; init; } = 100;

    public ResilienceSettings Resilience { get; init; } = ResilienceSettings.Default;

    /// <summary>Connector-specific settings not named above, as raw JSON text by key.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
}
