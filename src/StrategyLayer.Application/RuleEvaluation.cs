namespace StrategyLayer.Application;

/// <summary>How fast the rules engine decides stored items with <see cref="Rules"/> rules (the bench's <c>map</c> figure).</summary>
public sealed record RuleEvaluation(int Rules, double ItemsPerSecond);
