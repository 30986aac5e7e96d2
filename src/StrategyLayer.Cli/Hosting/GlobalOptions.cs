using System.CommandLine;

namespace StrategyLayer.Cli.Hosting;

/// <summary>Options every verb takes (CONTRACT.md).</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Config = new("--config")
    {
        Description = "The config file (default: ./strategylayer.json when present, else config/strategylayer.json)",
        Recursive = true,
    };

    public static readonly Option<string?> Store = new("--store")
    {
        Description = "Use this store (a LiteDB file, or postgresql://…) instead of the one named in config",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print one JSON document with the result on stdout (logs go to stderr)",
        Recursive = true,
    };

    public static readonly Option<bool> Quiet = new("--quiet")
    {
        Description = "Print only errors",
        Recursive = true,
    };

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Config);
        root.Options.Add(Store);
        root.Options.Add(Json);
        root.Options.Add(Quiet);
    }
}
