namespace StrategyLayer.Domain.Items;

/// <summary>
/// A dependency or relation to another item. <see cref="Type"/> reads from this item's side:
/// <c>blocks</c>, <c>is blocked by</c>, <c>relates to</c>, <c>problem</c>, <c>change</c>, <c>parent</c>.
/// </summary>
public sealed record ItemLink(
    string Type,
    string TargetKey,
    string? TargetStatus = null,
    StatusCategory? TargetCategory = null,
    string? TargetTeam = null)
{
    public bool IsBlockedBy => string.Equals(Type, LinkTypes.IsBlockedBy, StringComparison.OrdinalIgnoreCase);
}
