namespace StrategyLayer.Mapping.Rules;

/// <summary>Maps one item (<c>source:KEY</c> or a bare key) to a measure, ahead of every rule.</summary>
public sealed record RulePin(string Item, string MeasureId);
