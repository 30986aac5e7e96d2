using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Cli.Hosting;

/// <summary>Which config file a verb reads, and the error that says where it looked when there is none.</summary>
internal static class ConfigFile
{
    /// <summary>The file a user keeps in their folder (what <c>init</c> and <c>demo</c> write).</summary>
    public const string Here = "strategylayer.json";

    /// <summary>The repository's layout (a clone's demo config).</summary>
    public static readonly string InConfigFolder = Path.Combine("config", "strategylayer.json");

    /// <summary><c>--config</c> when given, else <c>./strategylayer.json</c> when present, else <c>config/strategylayer.json</c>.</summary>
    public static string Resolve(string? named) =>
        named ?? (File.Exists(Here) ? Here : InConfigFolder);

    /// <summary>Throws a usage error (exit 2) naming where it looked and what to do.</summary>
    public static void RequireExists(string? named, string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        var folder = Directory.GetCurrentDirectory();
        throw new StrategyLayerException(
            named is not null
                ? $"no config file at {Path.GetFullPath(path)} (named by --config). Check the path, or run `strategylayer init` in a folder to write a starter config there."
                : $"no config file here: looked for {Path.Combine(folder, Here)} and {Path.Combine(folder, InConfigFolder)}. "
                  + "Pass one with --config PATH, run `strategylayer init` to write a starter config in this folder, "
                  + "or `strategylayer demo` to try StrategyLayer against a local sandbox.",
            ErrorKind.Usage);
    }
}
