namespace StrategyLayer.Architecture.Tests.Support;

/// <summary>
/// Holds the build's project graph to ARCHITECTURE.md: every reference must be in the graph table
/// and every reference in the table must exist (so the document stays true), and no reference, in
/// the build or in the table, may break a never-allowed rule.
/// </summary>
internal static class ReferenceCheck
{
    public static IReadOnlyList<string> Problems(IReadOnlyList<ProjectReferences> actual, ArchitectureDocument document)
    {
        var problems = new List<string>();
        var stated = document.Graph.ToDictionary(p => p.Project, StringComparer.Ordinal);
        foreach (var project in actual)
        {
            if (!stated.TryGetValue(project.Project, out var allowed))
            {
                problems.Add($"{project.Project}: not in ARCHITECTURE.md's graph table (add its row)");
                continue;
            }

            Compare(problems, project.Project, "project", project.Projects, allowed.Projects);
            Compare(problems, project.Project, "package", project.Packages, allowed.Packages);
        }

        foreach (var missing in stated.Keys.Except(actual.Select(p => p.Project), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            problems.Add($"{missing}: in ARCHITECTURE.md's graph table but there is no such project (remove its row)");
        }

        foreach (var rule in document.Rules)
        {
            foreach (var project in actual)
            {
                problems.AddRange(rule.Breaches(project).Select(r => $"{project.Project} references {r}, which is never allowed: {rule.Why}"));
            }

            foreach (var project in document.Graph)
            {
                problems.AddRange(rule.Breaches(project).Select(r => $"ARCHITECTURE.md's graph table lets {project.Project} reference {r}, which its never-allowed table forbids: {rule.Why}"));
            }
        }

        return problems;
    }

    private static void Compare(List<string> problems, string project, string kind, IReadOnlySet<string> actual, IReadOnlySet<string> allowed)
    {
        problems.AddRange(actual.Except(allowed, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(r => $"{project} references {kind} {r}, which ARCHITECTURE.md's graph table does not allow"));
        problems.AddRange(allowed.Except(actual, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(r => $"{project}: ARCHITECTURE.md's graph table says it references {kind} {r}, but it does not (update the table)"));
    }
}
