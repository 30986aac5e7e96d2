using System.Text.RegularExpressions;

namespace StrategyLayer.Architecture.Tests.Support;

/// <summary>What ARCHITECTURE.md states in its checked sections: the project graph, the never-allowed references and the one-clock/one-log exceptions.</summary>
internal sealed partial record ArchitectureDocument(
    IReadOnlyList<ProjectReferences> Graph,
    IReadOnlyList<ForbiddenRule> Rules,
    IReadOnlyList<AllowedException> Exceptions)
{
    public static ArchitectureDocument Parse(string markdown)
    {
        var graph = Cells.Rows(markdown, "graph")
            .Select(row => row.Count == 3
                ? new ProjectReferences(row[0], Cells.List(row[1]).ToHashSet(StringComparer.Ordinal), Cells.List(row[2]).ToHashSet(StringComparer.Ordinal))
                : throw new FormatException($"ARCHITECTURE.md graph table: a row needs 3 cells: | {string.Join(" | ", row)} |"))
            .ToList();
        var rules = Cells.Rows(markdown, "forbidden")
            .Select(row => row.Count == 3
                ? ForbiddenRule.Parse(row[0], row[1], row[2])
                : throw new FormatException($"ARCHITECTURE.md never-allowed table: a row needs 3 cells: | {string.Join(" | ", row)} |"))
            .ToList();
        var exceptions = Cells.Section(markdown, "allowed-exceptions")
            .Select(line => ExceptionLine().Match(line) is { Success: true } m
                ? new AllowedException(m.Groups["path"].Value, m.Groups["pattern"].Value, m.Groups["why"].Value)
                : throw new FormatException($"ARCHITECTURE.md known gaps: not '- `path` holds `pattern`: why': {line}"))
            .ToList();
        return new ArchitectureDocument(graph, rules, exceptions);
    }

    [GeneratedRegex(@"^- `(?<path>[^`]+)` holds `(?<pattern>[^`]+)`: (?<why>.+)$")]
    private static partial Regex ExceptionLine();
}
