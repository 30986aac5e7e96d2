using System.Globalization;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;

namespace StrategyLayer.Reporting.Tests.Support;

/// <summary>
/// A test double of the rule language: <c>field op value</c> clauses joined by <c>and</c>, over
/// category, priority (rank), team, project, type and labels. The real one is the mapping stage's.
/// </summary>
internal sealed class TinyFilterCompiler : IItemFilterCompiler
{
    public Func<WorkItem, bool> Compile(string query, DateTimeOffset asOf)
    {
        var clauses = query.Split(" and ", StringSplitOptions.TrimEntries).Select(Clause).ToList();
        return item => clauses.All(c => c(item));
    }

    private static Func<WorkItem, bool> Clause(string text)
    {
        var parts = text.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3)
        {
            throw new FormatException($"test compiler cannot read '{text}'");
        }

        var (field, op, value) = (parts[0].ToLowerInvariant(), parts[1], parts[2].Trim('"'));
        return field switch
        {
            "category" => i => Compare(string.Compare(Category(i.Category), value, StringComparison.OrdinalIgnoreCase), op),
            "priority" => i => i.PriorityRank is { } r && Compare(r.CompareTo(int.Parse(value, CultureInfo.InvariantCulture)), op),
            "team" => i => Compare(string.Compare(i.Team, value, StringComparison.OrdinalIgnoreCase), op),
            "project" => i => Compare(string.Compare(i.Project, value, StringComparison.OrdinalIgnoreCase), op),
            "type" => i => Compare(string.Compare(i.Type, value, StringComparison.OrdinalIgnoreCase), op),
            "labels" => i => i.Labels.Contains(value, StringComparer.OrdinalIgnoreCase) == (op == "="),
            _ => throw new FormatException($"test compiler has no field '{field}'"),
        };
    }

    private static string Category(StatusCategory c) => c switch
    {
        StatusCategory.ToDo => "todo",
        StatusCategory.InProgress => "inprogress",
        StatusCategory.Done => "done",
        _ => "cancelled",
    };

    private static bool Compare(int cmp, string op) => op switch
    {
        "=" => cmp == 0,
        "!=" => cmp != 0,
        "<" => cmp < 0,
        "<=" => cmp <= 0,
        ">" => cmp > 0,
        ">=" => cmp >= 0,
        _ => throw new FormatException($"test compiler has no operator '{op}'"),
    };
}
