namespace StrategyLayer.Sandbox.Data;

/// <summary>One generated ServiceNow row, its columns in the table's order.</summary>
internal sealed class SnRecord(IReadOnlyList<SnField> fields)
{
    public IReadOnlyList<SnField> Fields { get; } = fields;

    public SnField? Get(string name)
    {
        foreach (var f in Fields)
        {
            if (string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return f;
            }
        }

        return null;
    }
}
