namespace StrategyLayer.Mapping.Query;

/// <summary>How a field compares: its operators and the values they accept.</summary>
public enum FieldKind
{
    Text,
    Multi,
    Number,
    Date,
    Priority,
    ItemKind,
    Category,
}
