namespace StrategyLayer.Domain.Items;

/// <summary>
/// One normalized ticket or record. Stored under <see cref="Uid"/> (the source's immutable id);
/// named by <see cref="Id"/> (<c>source:KEY</c>), a name that can change when a Jira issue moves.
/// </summary>
public sealed record WorkItem
{
    /// <summary>The source's name in config (the <c>jira</c> in <c>jira:PAY-123</c>).</summary>
    public required string Source { get; init; }

    /// <summary>The source's immutable id: Jira <c>id</c>, ServiceNow <c>sys_id</c>.</summary>
    public required string SourceId { get; init; }

    /// <summary>The human key: <c>PAY-123</c>, <c>INC0010001</c>.</summary>
    public required string Key { get; init; }

    /// <summary>Keys this item had before (a Jira issue that moved project).</summary>
    public IReadOnlyList<string> PreviousKeys { get; init; } = [];

    public required WorkItemKind Kind { get; init; }

    /// <summary>ServiceNow table (<c>incident</c>, <c>change_request</c>, …); null for Jira.</summary>
    public string? Table { get; init; }

    public required string Title { get; init; }
    public string? Description { get; init; }

    /// <summary>The status label a user sees in the source tool.</summary>
    public required string Status { get; init; }

    /// <summary>The raw status code where the tool has one (ServiceNow state <c>2</c>).</summary>
    public string? StatusCode { get; init; }

    public required StatusCategory Category { get; init; }
    public string? Resolution { get; init; }
    public string? Type { get; init; }

    /// <summary>Priority label as shown in the tool (<c>High</c>, <c>1 - Critical</c>).</summary>
    public string? Priority { get; init; }

    /// <summary>Priority rank, 1 highest; null when unknown.</summary>
    public int? PriorityRank { get; init; }

    /// <summary>Jira project key; ServiceNow table name.</summary>
    public string? Project { get; init; }

    /// <summary>Team (default: Jira project key, ServiceNow assignment group).</summary>
    public string? Team { get; init; }

    public string? Assignee { get; init; }
    public string? Reporter { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public IReadOnlyList<string> Components { get; init; } = [];
    public IReadOnlyList<string> FixVersions { get; init; } = [];

    /// <summary>Parent item's key (Jira parent, ServiceNow parent record).</summary>
    public string? Parent { get; init; }

    /// <summary>Epic key (Jira DC Epic Link, or a Cloud parent of type Epic).</summary>
    public string? Epic { get; init; }

    public IReadOnlyList<ItemLink> Links { get; init; } = [];
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset Updated { get; init; }
    public DateTimeOffset? Resolved { get; init; }
    public DateTimeOffset? Due { get; init; }

    /// <summary>Estimate (story points or hours, as the source's config says).</summary>
    public double? Estimate { get; init; }

    public string? BrowseUrl { get; init; }

    /// <summary>Configured extra fields: custom fields, cmdb_ci, business_service, impact, …</summary>
    public IReadOnlyDictionary<string, string?> Fields { get; init; } = new Dictionary<string, string?>();

    /// <summary>Set when a full sync found the item gone upstream; the item is kept, marked.</summary>
    public Removal? Removed { get; init; }

    /// <summary><c>source:KEY</c>, the name users type.</summary>
    public string Id => ItemId.Format(Source, Key);

    /// <summary><c>source/sourceId</c>, the store's immutable identity.</summary>
    public string Uid => ItemId.Uid(Source, SourceId);
}
