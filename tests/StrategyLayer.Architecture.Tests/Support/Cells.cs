namespace StrategyLayer.Architecture.Tests.Support;

/// <summary>Reads ARCHITECTURE.md's marked sections: markdown tables and lists between <c>&lt;!-- name:begin --&gt;</c> and <c>&lt;!-- name:end --&gt;</c>.</summary>
internal static class Cells
{
    /// <summary>The lines between the section's markers; throws when a marker is missing.</summary>
    public static IReadOnlyList<string> Section(string document, string name)
    {
        var begin = document.IndexOf($"<!-- {name}:begin -->", StringComparison.Ordinal);
        var end = document.IndexOf($"<!-- {name}:end -->", StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new FormatException($"ARCHITECTURE.md has no '{name}' section (<!-- {name}:begin --> … <!-- {name}:end -->)");
        }

        return [.. document[begin..end].Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0)];
    }

    /// <summary>The rows of the section's table, header and separator left out, each as its cells.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(string document, string name) =>
        [.. Section(document, name)
            .Where(l => l.StartsWith('|'))
            .Skip(2)
            .Select(l => (IReadOnlyList<string>)[.. l.Trim('|').Split('|').Select(c => c.Trim())])];

    /// <summary>A comma-separated cell; "—" or "" is empty.</summary>
    public static IReadOnlyList<string> List(string cell) =>
        cell is "" or "—" or "-" ? [] : [.. cell.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
