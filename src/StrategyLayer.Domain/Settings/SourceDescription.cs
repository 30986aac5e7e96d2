namespace StrategyLayer.Domain.Settings;

/// <summary>
/// What every form of a configured source says alike: which source it is, where, what it reads and
/// which fields it keeps. The config file's form (<c>SourceConfig</c>, values left out are null) and a
/// connector's settings (<c>SourceSettings</c>, the connector's defaults filled in) build on it, so a
/// member added here reaches both.
/// </summary>
public abstract record SourceDescription
{
    public required string Name { get; init; }

    /// <summary><c>jira-cloud</c>, <c>jira-datacenter</c> or <c>servicenow</c>.</summary>
    public required string Type { get; init; }

    public required Uri BaseUrl { get; init; }

    /// <summary>JQL for Jira (as pasted, ORDER BY allowed); an encoded query for ServiceNow.</summary>
    public string Scope { get; init; } = "";

    public SourceAuth Auth { get; init; } = SourceAuth.Anonymous;

    /// <summary>ServiceNow tables to read; in the config file, empty means the connector's default tables.</summary>
    public IReadOnlyList<string> Tables { get; init; } = [];

    /// <summary>What <c>team</c> is: a field name; null: the connector's default (Jira project key, ServiceNow assignment group).</summary>
    public string? TeamField { get; init; }

    /// <summary>Extra fields to keep in <c>WorkItem.Fields</c>: name in the item → field id upstream.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>Field id of the estimate (Jira story points custom field, …).</summary>
    public string? EstimateField { get; init; }

    /// <summary>Connector-specific settings not named elsewhere, as raw JSON text by key.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
}
