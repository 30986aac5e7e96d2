namespace StrategyLayer.Sandbox.Jira;

/// <summary>A parsed JQL query: a filter (null when unbounded) and sort keys.</summary>
internal sealed record JqlQuery(Func<JiraRow, bool>? Where, IReadOnlyList<(string Field, bool Descending)> OrderBy)
{
    public bool IsBounded => Where is not null;
}
