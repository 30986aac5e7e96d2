namespace StrategyLayer.Reporting.Model;

/// <summary>
/// One node of the strategy tree, flattened in display order. <see cref="Level"/> is
/// <c>portfolio</c>, <c>program</c>, <c>project</c>, <c>package</c> or <c>measure</c>. A node with a
/// single child has no row of its own (its status would repeat its child's): it is named in the
/// <see cref="Chain"/> of the row below it, top first. <see cref="Depth"/> counts the rows above.
/// </summary>
public sealed record TreeRow(
    int Depth,
    string Level,
    string Id,
    string Name,
    string? BusinessOwner,
    string? TechnicalOwner,
    Assessment Implementation,
    Assessment Potential,
    IReadOnlyList<TreeLabel>? Chain = null);

