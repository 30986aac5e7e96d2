using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Configuration;

/// <summary>
/// One configured source as the config file says it, secrets already resolved from the environment.
/// A value left out is null (or empty) here: the connector of <see cref="Type"/> supplies its own
/// default when the composition root turns this into the connector's settings.
/// </summary>
public sealed record SourceConfig
{
    public required string Name { get; init; }

    /// <summary><c>jira-cloud</c>, <c>jira-datacenter</c> or <c>servicenow</c>.</summary>
    public required string Type { get; init; }

    public required Uri BaseUrl { get; init; }

    /// <summary>JQL for Jira (as pasted, ORDER BY allowed); an encoded query for ServiceNow.</summary>
    public string Scope { get; init; } = "";

    public SourceAuth Auth { get; init; } = SourceAuth.Anonymous;

    /// <summary>ServiceNow tables to read; empty: the connector's default tables.</summary>
    public IReadOnlyList<string> Tables { get; init; } = [];

    /// <summary>What <c>team</c> is: a field name; null: the connector's default.</summary>
    public string? TeamField { get; init; }

    /// <summary>Extra fields to keep in <c>WorkItem.Fields</c>: name in the item → field id upstream.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>Field id of the estimate (Jira story points custom field, …).</summary>
    public string? EstimateField { get; init; }

    /// <summary>Resolutions that make a done item cancelled; null: the connector's default.</summary>
    public IReadOnlyList<string>? NotDoneResolutions { get; init; }

    /// <summary>How far before the cursor an incremental sync starts again; null: the connector's default.</summary>
    public TimeSpan? Overlap { get; init; }

    /// <summary>Records per request; null: the connector's default.</summary>
    public int? PageSize { get; init; }

    /// <summary>Retries of a failed request; null: the connector's default.</summary>
    public int? MaxRetries { get; init; }

    /// <summary>Connector-specific settings not named above, as raw JSON text by key.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
}
