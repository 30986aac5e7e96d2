namespace StrategyLayer.Domain.Items;

/// <summary>Serialized as <c>todo</c>, <c>inprogress</c>, <c>done</c>, <c>cancelled</c>.</summary>
public enum StatusCategory
{
    ToDo,
    InProgress,
    Done,
    Cancelled,
}
