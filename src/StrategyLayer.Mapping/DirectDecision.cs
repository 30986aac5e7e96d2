using StrategyLayer.Domain.Mapping;

namespace StrategyLayer.Mapping;

/// <summary>What an item's own pin or rule says, before inheritance: <see cref="DecisionKind.None"/> when nothing matched.</summary>
public readonly record struct DirectDecision(DecisionKind Kind, string? MeasureId, string? Rule)
{
    public static DirectDecision None => default;

    public bool Decided => MeasureId is not null;
}
