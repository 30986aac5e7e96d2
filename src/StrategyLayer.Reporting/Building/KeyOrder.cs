namespace StrategyLayer.Reporting.Building;

/// <summary>Orders keys as people read them: <c>PAY-9</c> before <c>PAY-10</c>.</summary>
internal sealed class KeyOrder : IComparer<string?>
{
    public static readonly KeyOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return string.CompareOrdinal(x, y);
        }

        var dx = x.LastIndexOf('-');
        var dy = y.LastIndexOf('-');
        if (dx > 0 && dy > 0
            && int.TryParse(x.AsSpan(dx + 1), out var nx) && int.TryParse(y.AsSpan(dy + 1), out var ny))
        {
            var prefix = string.Compare(x[..dx], y[..dy], StringComparison.OrdinalIgnoreCase);
            return prefix != 0 ? prefix : nx.CompareTo(ny);
        }

        return string.Compare(x, y, StringComparison.OrdinalIgnoreCase);
    }
}
