namespace StrategyLayer.Sandbox.ServiceNow;

/// <summary>A parsed encoded query: a filter (null = every row) and ORDERBY keys.</summary>
internal sealed record SnQuery(Func<SnRow, bool>? Where, IReadOnlyList<(string Field, bool Descending)> OrderBy);
