namespace StrategyLayer.Sandbox.Data;

/// <summary>
/// Keeps the last few query results (sorted item indexes) so that paging through a result does
/// not re-filter and re-sort the index on every page. Keys include the index stamp, so any
/// mutation invalidates them.
/// </summary>
internal sealed class ResultCache
{
    private const int Capacity = 16;
    private readonly LinkedList<(string Key, int[] Items)> entries = new();
    private readonly Lock gate = new();

    public int[] GetOrAdd(string key, Func<int[]> compute)
    {
        lock (gate)
        {
            for (var node = entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Key == key)
                {
                    entries.Remove(node);
                    entries.AddFirst(node);
                    return node.Value.Items;
                }
            }
        }

        var items = compute();
        lock (gate)
        {
            entries.AddFirst((key, items));
            while (entries.Count > Capacity)
            {
                entries.RemoveLast();
            }
        }

        return items;
    }
}
