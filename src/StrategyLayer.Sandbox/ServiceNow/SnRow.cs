using StrategyLayer.Sandbox.Data;

namespace StrategyLayer.Sandbox.ServiceNow;

/// <summary>A row under evaluation; the record is generated only when a condition needs a non-indexed column.</summary>
internal sealed class SnRow(Func<int, SnRecord> generate)
{
    private SnRecord? record;

    public int Row { get; private set; }

    public SnRecord Record => record ??= generate(Row);

    public void Reset(int row)
    {
        Row = row;
        record = null;
    }
}
