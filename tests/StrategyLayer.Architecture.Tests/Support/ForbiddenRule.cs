using System.Text.RegularExpressions;

namespace StrategyLayer.Architecture.Tests.Support;

/// <summary>
/// One row of ARCHITECTURE.md's "never allowed" table: the projects it covers (patterns with
/// <c>*</c>, minus an <c>except</c> list) must not reference any of <see cref="MustNot"/>
/// (<c>project:Pattern</c> or <c>package:Pattern</c>).
/// </summary>
internal sealed record ForbiddenRule(IReadOnlyList<string> Projects, IReadOnlyList<string> Except, IReadOnlyList<string> MustNot, string Why)
{
    public static ForbiddenRule Parse(string projectsCell, string mustNotCell, string why)
    {
        var parts = projectsCell.Split(" except ", 2, StringSplitOptions.TrimEntries);
        var mustNot = Cells.List(mustNotCell);
        foreach (var target in mustNot)
        {
            if (!target.StartsWith("project:", StringComparison.Ordinal) && !target.StartsWith("package:", StringComparison.Ordinal))
            {
                throw new FormatException($"ARCHITECTURE.md: '{target}' in the never-allowed table must start with project: or package:");
            }
        }

        return new ForbiddenRule(Cells.List(parts[0]), parts.Length > 1 ? Cells.List(parts[1]) : [], mustNot, why);
    }

    public bool Covers(string project) =>
        Projects.Any(p => Matches(p, project)) && !Except.Any(p => Matches(p, project));

    /// <summary>The references of <paramref name="references"/> this rule forbids, as <c>project:Name</c> / <c>package:Name</c>.</summary>
    public IEnumerable<string> Breaches(ProjectReferences references)
    {
        if (!Covers(references.Project))
        {
            yield break;
        }

        var all = references.Projects.Select(p => "project:" + p).Concat(references.Packages.Select(p => "package:" + p));
        foreach (var reference in all.Order(StringComparer.Ordinal))
        {
            if (MustNot.Any(target => Matches(target, reference)))
            {
                yield return reference;
            }
        }
    }

    private static bool Matches(string pattern, string name) =>
        Regex.IsMatch(name, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
}
