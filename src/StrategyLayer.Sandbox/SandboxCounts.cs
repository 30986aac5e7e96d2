namespace StrategyLayer.Sandbox;

/// <summary>Live (not deleted) items the sandbox serves, per Jira project and per ServiceNow table.</summary>
public sealed record SandboxCounts(
    IReadOnlyDictionary<string, int> JiraProjects,
    IReadOnlyDictionary<string, int> ServiceNowTables,
    int Deleted,
    int Edited,
    int Moved)
{
    public int Jira => JiraProjects.Values.Sum();

    public int ServiceNow => ServiceNowTables.Values.Sum();
}
