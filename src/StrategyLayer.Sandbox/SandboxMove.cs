namespace StrategyLayer.Sandbox;

/// <summary>A Jira issue moved out of scope: its old key still resolves to it.</summary>
public sealed record SandboxMove(string OldKey, string NewKey);
