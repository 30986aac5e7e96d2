namespace StrategyLayer.Domain.Items;

public enum WorkItemKind
{
    Issue,
    Incident,
    Change,
    Problem,
    Request,
}
