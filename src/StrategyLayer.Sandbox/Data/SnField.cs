namespace StrategyLayer.Sandbox.Data;

/// <summary>One ServiceNow column value: the stored value, its display value and, for references, the referenced table.</summary>
internal readonly record struct SnField(string Name, string Value, string Display, string? RefTable = null)
{
    public static SnField Plain(string name, string value) => new(name, value, value);
}
