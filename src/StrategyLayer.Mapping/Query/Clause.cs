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

    /// <summary>For <c>field = v</c> and <c>field in (…)</c> on a text field: the values one of which the field must equal.</summary>
    public IReadOnlyList<string>? EqualsAny { get; init; }

    /// <summary>
    /// Values one of which <paramref name="field"/> must equal for the clause to hold, or null when
    /// the clause does not require that (used to skip rules that cannot match an item).
    /// </summary>
    public IReadOnlyList<string>? Required(string field)
    {
        switch (Shape)
        {
            case ClauseShape.Leaf:
                return EqualsAny is not null && string.Equals(Field?.Name, field, StringComparison.OrdinalIgnoreCase) ? EqualsAny : null;
            case ClauseShape.Group:
                return Children[0].Required(field);
            case ClauseShape.And:
                return Children.Select(c => c.Required(field)).FirstOrDefault(r => r is not null);
            case ClauseShape.Or:
                var each = Children.Select(c => c.Required(field)).ToList();
                return each.All(r => r is not null) ? [.. each.SelectMany(r => r!)] : null;
            default:
                return null;
        }
    }

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
