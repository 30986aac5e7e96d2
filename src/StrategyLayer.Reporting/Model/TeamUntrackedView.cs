namespace StrategyLayer.Reporting.Model;

/// <summary>How much of one team's in-scope work maps to no measure.</summary>
public sealed record TeamUntrackedView(string Team, int Items, int Untracked, double UntrackedPercent, string? Url, IReadOnlyList<ItemRef> Sample);
