namespace StrategyLayer.Application;

/// <summary>One team's items in the running period: in scope (mapped or untracked), out of scope counted apart.</summary>
public sealed record TeamCoverage(string Team, int InScope, int Mapped, int Untracked, int OutOfScope);
