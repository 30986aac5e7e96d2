using StrategyLayer.Domain.Items;

namespace StrategyLayer.Mapping.Query;

/// <summary>
/// A compiled part of a query: its delegate for evaluation, and enough of its shape (text, children,
/// field) for explain to name the first clause that failed and the value it saw.
/// </summary>
internal sealed class Clause
{
    public required string Text { get; init; }
    public required Func<WorkItem, bool> Test { get; init; }
    public ClauseShape Shape { get; init; }
    public IReadOnlyList<Clause> Children { get; init; } = [];
    public FieldDef? Field { get; init; }

    public ClauseFailure? FirstFailure(WorkItem item)
    {
        if (Test(item))
        {
            return null;
        }

        if (Shape == ClauseShape.And)
        {
            foreach (var child in Children)
            {
                if (child.FirstFailure(item) is { } failure)
                {
                    return failure;
                }
            }
        }

        if (Shape == ClauseShape.Group && Children[0].Shape != ClauseShape.Or)
        {
            return Children[0].FirstFailure(item);
        }

        var leaves = Leaves().Where(l => l.Field is not null).GroupBy(l => l.Field!.Name, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
        return new ClauseFailure(
            Text,
            string.Join(", ", leaves.Select(l => l.Field!.Name)),
            leaves.Count == 1 ? leaves[0].Field!.Show(item) : string.Join("; ", leaves.Select(l => l.Field!.Name + " " + l.Field!.Show(item))));
    }

    public IEnumerable<Clause> Leaves() =>
        Shape == ClauseShape.Leaf ? [this] : Children.SelectMany(c => c.Leaves());
}

internal enum ClauseShape
{
    Leaf,
    And,
    Or,
    Not,
    Group,
}
