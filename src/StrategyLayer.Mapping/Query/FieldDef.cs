using StrategyLayer.Domain.Items;

namespace StrategyLayer.Mapping.Query;

/// <summary>A field the rule language can read, with the accessor for its kind.</summary>
public sealed record FieldDef(string Name, FieldKind Kind)
{
    public Func<WorkItem, string?>? Text { get; init; }
    public Func<WorkItem, IReadOnlyList<string>>? Multi { get; init; }
    public Func<WorkItem, double?>? Number { get; init; }
    public Func<WorkItem, DateTimeOffset?>? Date { get; init; }

    /// <summary>The value as a person reads it (explain's <c>fields</c> and <c>saw</c>).</summary>
    public object? Read(WorkItem item) => Kind switch
    {
        FieldKind.Multi => Multi!(item),
        FieldKind.Number => Number!(item),
        FieldKind.Date => Date!(item),
        FieldKind.Priority => PriorityText(item),
        _ => Text!(item),
    };

    public string Show(WorkItem item) => Read(item) switch
    {
        null => "empty",
        IReadOnlyList<string> list => "[" + string.Join(", ", list) + "]",
        DateTimeOffset d => d.ToUniversalTime().ToString("yyyy-MM-dd HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture),
        double n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        var v => v.ToString() is { Length: > 0 } s ? s : "empty",
    };

    private static string? PriorityText(WorkItem item) => (item.Priority, item.PriorityRank) switch
    {
        (null, null) => null,
        (null, { } r) => "rank " + r,
        ({ } p, null) => p,
        ({ } p, { } r) => $"{p} (rank {r})",
    };
}
