namespace StrategyLayer.Domain.Strategy;

/// <summary>What every level of the strategy tree has: an id, a name and two owners.</summary>
public abstract record StrategyNode
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? BusinessOwner { get; init; }
    public string? TechnicalOwner { get; init; }
    public string? Description { get; init; }
}
