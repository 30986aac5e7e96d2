using System.Text.RegularExpressions;

namespace StrategyLayer.Architecture.Tests.Support;

/// <summary>
/// One clock, one log, no blocking: below the composition root no source may read the system clock
/// (<c>TimeProvider.System</c>), write to the static Serilog <c>Log</c>, or block on a task
/// (<c>.GetAwaiter().GetResult()</c>). The composition root is the Cli's Program.cs and Hosting/;
/// ARCHITECTURE.md's known gaps may allow a file one pattern, and must drop the line once it is fixed.
/// </summary>
internal static partial class SourceRules
{
    public static readonly IReadOnlyDictionary<string, Regex> Patterns = new Dictionary<string, Regex>(StringComparer.Ordinal)
    {
        ["TimeProvider.System"] = SystemClock(),
        ["Log."] = StaticLog(),
        ["GetAwaiter().GetResult()"] = Blocking(),
    };

    public static bool IsCompositionRoot(string path) =>
        path == "src/StrategyLayer.Cli/Program.cs" || path.StartsWith("src/StrategyLayer.Cli/Hosting/", StringComparison.Ordinal);

    public static IReadOnlyList<string> Problems(IReadOnlyList<SourceFile> sources, IReadOnlyList<AllowedException> exceptions)
    {
        var problems = new List<string>();
        var used = new HashSet<AllowedException>();
        foreach (var exception in exceptions.Where(e => !Patterns.ContainsKey(e.Pattern)))
        {
            problems.Add($"ARCHITECTURE.md known gaps: `{exception.Pattern}` is not one of {string.Join(", ", Patterns.Keys)}");
        }

        foreach (var file in sources.Where(f => !IsCompositionRoot(f.Path)))
        {
            var lines = file.Text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var code = lines[i].TrimStart();
                if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith('*'))
                {
                    continue;
                }

                foreach (var (name, pattern) in Patterns)
                {
                    if (!pattern.IsMatch(code))
                    {
                        continue;
                    }

                    var allowed = exceptions.FirstOrDefault(e => e.Path == file.Path && e.Pattern == name);
                    if (allowed is null)
                    {
                        problems.Add($"{file.Path}:{i + 1}: {name} outside the composition root: {code.Trim()}");
                    }
                    else
                    {
                        used.Add(allowed);
                    }
                }
            }
        }

        problems.AddRange(exceptions.Where(e => Patterns.ContainsKey(e.Pattern) && !used.Contains(e))
            .Select(e => $"ARCHITECTURE.md known gaps allow {e.Path} to hold `{e.Pattern}`, but it no longer does (remove the line)"));
        return problems;
    }

    [GeneratedRegex(@"\bTimeProvider\.System\b")]
    private static partial Regex SystemClock();

    // The static logger: `Log.Information(…)`, `Log.Logger`, `Serilog.Log.ForContext(…)`; not
    // `session.Log.Warning(…)` or `_log.Warning(…)`, which are injected loggers.
    [GeneratedRegex(@"(?<![\w.@])Log\.[A-Z]|\bSerilog\.Log\b|using\s+static\s+Serilog\.Log\b")]
    private static partial Regex StaticLog();

    [GeneratedRegex(@"\.GetAwaiter\(\)\s*\.GetResult\(\)")]
    private static partial Regex Blocking();
}
