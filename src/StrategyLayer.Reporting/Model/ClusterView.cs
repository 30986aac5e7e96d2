namespace StrategyLayer.Reporting.Model;

/// <summary>Untracked items of one team sharing a label or component.</summary>
public sealed record ClusterView(string Team, string Attribute, string Value, int Count);
