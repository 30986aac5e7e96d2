namespace StrategyLayer.Reporting.Building;

/// <summary>Keeps the first N entries and counts the rest: how a table stays bounded at 300k items.</summary>
internal sealed class CappedList<T>(int cap)
{
    private readonly List<T> items = [];

    public int Total { get; private set; }

    public int More => Total - items.Count;

    public IReadOnlyList<T> Items => items;

    public void Add(T item)
    {
        Total++;
        if (items.Count < cap)
        {
            items.Add(item);
        }
    }
}
