using StrategyLayer.Sandbox.Data;

namespace StrategyLayer.Sandbox.ServiceNow;

/// <summary>The matching rows of one query, sorted, with the way to build each row's record.</summary>
internal sealed record SnTableRows(int[] Rows, Func<int, SnRecord> Generate);
