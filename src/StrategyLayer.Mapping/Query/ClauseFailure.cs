namespace StrategyLayer.Mapping.Query;

/// <summary>The first clause of a rule that did not hold for an item, and what the item had there.</summary>
public sealed record ClauseFailure(string Clause, string Field, string Saw)
{
    public override string ToString() => $"{Clause} saw {Saw}";
}
