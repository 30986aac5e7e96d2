using StrategyLayer.Domain.Mapping;

namespace StrategyLayer.Mapping;

/// <summary>
/// The little a map run keeps per item (never the WorkItem itself), so memory stays bounded at
/// hundreds of thousands of items.
/// </summary>
internal struct ItemFact
{
    public string Uid;
    public string Id;
    public string? ParentId;
    public string? EpicId;
    public bool InScope;
    public bool Removed;
    public DirectDecision Direct;

    // Inheritance resolution: 0 unvisited, 1 visiting, 2 done.
    public byte State;
    public string? Measure;
    public string? Rule;
    public DecisionKind Kind;

    // The index of the ancestor this item inherited from (-1 when not inherited).
    public int From;
}
