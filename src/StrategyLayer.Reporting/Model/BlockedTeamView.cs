namespace StrategyLayer.Reporting.Model;

/// <summary>One team's side of a blocker: how many of its open items wait on it, a sample, and the measures that work serves.</summary>
public sealed record BlockedTeamView(string Team, int Count, IReadOnlyList<ItemRef> Items, IReadOnlyList<string> Measures);
