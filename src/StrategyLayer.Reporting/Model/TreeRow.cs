namespace StrategyLayer.Reporting.Model;

/// <summary>
/// One node of the strategy tree, flattened in display order. <see cref="Level"/> is
/// <c>portfolio</c>, <c>program</c>, <c>project</c>, <c>package</c> or <c>measure</c>.
/// </summary>
public sealed record TreeRow(
    int Depth,
    string Level,
    string Id,
    string Name,
    string? BusinessOwner,
    string? TechnicalOwner,
    Assessment Implementation,
    Assessment Potential);
