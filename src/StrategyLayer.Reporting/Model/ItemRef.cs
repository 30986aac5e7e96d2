namespace StrategyLayer.Reporting.Model;

/// <summary>A link to one item: its id (<c>jira:PAY-1</c>), key, title and where to open it.</summary>
public sealed record ItemRef(string Id, string Key, string Title, string? Url, string? Team = null, string? Status = null);
