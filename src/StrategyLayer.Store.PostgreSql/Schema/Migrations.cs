using System.Globalization;

namespace StrategyLayer.Store.PostgreSql.Schema;

/// <summary>
/// The schema's steps, from the embedded <c>Schema/NNN_name.sql</c> files in order of NNN. A new
/// version of the store adds a file; a file once released never changes.
/// </summary>
internal static class Migrations
{
    private const string Prefix = "migration:";

    public static IReadOnlyList<Migration> All { get; } = Load();

    /// <summary>The schema this build writes and the newest it reads.</summary>
    public static int Latest => All[^1].Version;

    private static List<Migration> Load()
    {
        var assembly = typeof(Migrations).Assembly;
        var steps = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = Path.GetFileNameWithoutExtension(resource[Prefix.Length..]);
            var underscore = name.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(name[..underscore], CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            steps.Add(new Migration(version, name[(underscore + 1)..], reader.ReadToEnd()));
        }

        steps.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Version != i + 1)
            {
                throw new InvalidOperationException($"schema migrations must be numbered 1, 2, 3, …: found {steps[i].Version} at position {i + 1}");
            }
        }

        return steps;
    }
}
