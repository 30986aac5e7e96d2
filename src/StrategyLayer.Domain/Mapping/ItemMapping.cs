namespace StrategyLayer.Domain.Mapping;

/// <summary>Where one item maps, and what decided it.</summary>
public sealed record ItemMapping(string Uid, string? MeasureId, Decision DecidedBy, bool InScope)
{
    public bool Untracked => InScope && MeasureId is null;
}

/// <summary>
/// The provenance of a mapping. <see cref="Kind"/> is <c>pin</c>, <c>rule</c>, <c>inherited</c> or
/// <c>none</c>; <see cref="Rule"/> the deciding rule's id (for inherited: the ancestor's rule);
/// <see cref="Via"/> the item ids the mapping was inherited through, nearest first.
/// </summary>
public sealed record Decision(DecisionKind Kind, string? Rule = null, IReadOnlyList<string>? Via = null)
{
    public static readonly Decision None = new(DecisionKind.None);
}

public enum DecisionKind
{
    None,
    Pin,
    Rule,
    Inherited,
}
