namespace StrategyLayer.Architecture.Tests.Support;

/// <summary>The checkout these tests run in: found by walking up from the test binaries to StrategyLayer.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ArchitectureDocument => File.ReadAllText(Path.Combine(Root, "ARCHITECTURE.md"));

    /// <summary>Every project of the product: src/ and connectors/.</summary>
    public static IReadOnlyList<string> ProductProjects() =>
        [.. new[] { "src", "connectors" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*.csproj", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)];

    /// <summary>Every C# source of the product, by its path relative to the root (with '/'), build output left out.</summary>
    public static IReadOnlyList<SourceFile> ProductSources() =>
        [.. new[] { "src", "connectors" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => new SourceFile(path, File.ReadAllText(Path.Combine(Root, path))))];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StrategyLayer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no StrategyLayer.sln above {AppContext.BaseDirectory}");
    }
}
