namespace StrategyLayer.Sandbox.Data;

internal enum ItemKind : byte
{
    Jira = 0,
    Incident = 1,
    Change = 2,
    Problem = 3,
}
