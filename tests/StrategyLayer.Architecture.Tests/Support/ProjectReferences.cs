namespace StrategyLayer.Architecture.Tests.Support;

/// <summary>What one project references: other projects and packages, by short name (no "StrategyLayer." prefix for ours).</summary>
internal sealed record ProjectReferences(string Project, IReadOnlySet<string> Projects, IReadOnlySet<string> Packages)
{
    public const string Prefix = "StrategyLayer.";

    public static string ShortName(string projectFileOrName)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(projectFileOrName.Replace('\\', '/'));
        return name.StartsWith(Prefix, StringComparison.Ordinal) ? name[Prefix.Length..] : name;
    }

    /// <summary>Reads the ProjectReference and PackageReference items of a .csproj (what <c>dotnet list reference</c> lists, and the packages).</summary>
    public static ProjectReferences Read(string csprojPath)
    {
        var xml = System.Xml.Linq.XDocument.Load(csprojPath);
        IReadOnlySet<string> Items(string kind, bool project) => xml.Descendants()
            .Where(e => e.Name.LocalName == kind)
            .Select(e => (string?)e.Attribute("Include") ?? throw new InvalidOperationException($"{csprojPath}: a {kind} without Include"))
            .Select(include => project ? ShortName(include) : include)
            .ToHashSet(StringComparer.Ordinal);
        return new ProjectReferences(ShortName(csprojPath), Items("ProjectReference", true), Items("PackageReference", false));
    }
}
