using System.Text.Json;
using System.Text.Json.Nodes;
using StrategyLayer.Configuration;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Cli.Hosting;

/// <summary>
/// What the demo leaves in the folder it runs in: its store and logs under <c>data/</c>, the packs
/// under <c>out/</c>, and a <c>strategylayer.json</c> naming them, so that the next commands typed in
/// that folder (<c>status</c>, <c>items</c>, <c>serve</c>) read the demo's store. The file carries a
/// first line that marks it as the demo's: a <c>strategylayer.json</c> without it is the user's and
/// is never overwritten.
/// </summary>
internal static class DemoFolder
{
    public const string Marker = "// Written by `strategylayer demo`";

    public static readonly string Store = Path.Combine("data", "strategylayer.db");

    public static readonly string Logs = Path.Combine("data", "logs");

    /// <summary>Where <c>strategylayer serve</c> listens by default: the packs' links point there.</summary>
    public const string WebViewUrl = "http://127.0.0.1:5080";

    private static string ConfigPath(string folder) => Path.GetFullPath(Path.Combine(folder, ConfigFile.Here));

    /// <summary>Exit 2, before anything runs, when <c>strategylayer.json</c> exists in <paramref name="folder"/> and is not the demo's.</summary>
    public static void RefuseForeignConfig(string folder)
    {
        var configPath = ConfigPath(folder);
        if (File.Exists(configPath) && !IsDemos(configPath))
        {
            throw new StrategyLayerException(
                $"{configPath} exists and was not written by the demo: the demo leaves its own strategylayer.json in the folder it runs in and never overwrites one it did not write. Run the demo in another (empty) folder.",
                ErrorKind.Usage);
        }
    }

    public static bool IsDemos(string path)
    {
        using var reader = new StreamReader(path);
        return reader.ReadLine()?.StartsWith(Marker, StringComparison.Ordinal) == true;
    }

    /// <summary>
    /// Writes <c>strategylayer.json</c> in <paramref name="folder"/>: the demo config at <paramref name="basePath"/> with its files
    /// named by absolute path (they ship inside the tool), its sources left on the sandbox's default port
    /// (<c>strategylayer sandbox</c>), and the store, logs and web address the demo used.
    /// </summary>
    public static string WriteConfig(string basePath, AppConfig used, string folder)
    {
        RefuseForeignConfig(folder);
        var baseFolder = Path.GetDirectoryName(Path.GetFullPath(basePath))!;
        var root = JsonNode.Parse(File.ReadAllText(basePath), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        string Absolute(string? relative, string fallback) => Path.GetFullPath(Path.Combine(baseFolder, relative ?? fallback));

        var schema = Path.Combine(baseFolder, "strategylayer.schema.json");
        root.Remove("$schema");
        var written = new JsonObject();
        if (File.Exists(schema))
        {
            written["$schema"] = schema;
        }

        foreach (var (name, value) in root)
        {
            written[name] = value?.DeepClone();
        }

        // A database's URI is written without its password (the next commands take it from PGPASSWORD).
        written["store"] = StoreEngines.IsServer(used.Store) ? StoreEngines.Shown(used.Store) : Relative(used.Store, folder);
        written["logs"] = Relative(used.Logs, folder);
        written["strategy"] = Absolute((string?)root["strategy"], "strategy.json");
        written["rules"] = Absolute((string?)root["rules"], "rules.json");
        written["templates"] = Absolute((string?)root["templates"], "../templates");
        written["webBaseUrl"] = used.WebBaseUrl;
        if (written["channels"] is JsonArray channels)
        {
            foreach (var channel in channels.OfType<JsonObject>())
            {
                if ((string?)channel["type"] == "folder" && channel["path"] is JsonValue p && p.TryGetValue<string>(out var path) && !Path.IsPathRooted(path))
                {
                    channel["path"] = Path.Combine("out", new DirectoryInfo(Path.Combine(baseFolder, path)).Name);
                }
            }
        }

        var text = Marker + " (StrategyLayer " + Installation.Version + "). The demo rewrites this file each\n"
            + "// time it runs here. Its sources are the sandbox: start it with `strategylayer sandbox` before\n"
            + "// `strategylayer sync` or `run`. For your own Jira and ServiceNow, run `strategylayer init` in another folder.\n"
            + written.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        var configPath = ConfigPath(folder);
        var temp = configPath + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, configPath, overwrite: true);
        return configPath;
    }

    /// <summary>Relative to this folder when inside it (the folder can be moved), else absolute.</summary>
    private static string Relative(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFullPath(path) : relative;
    }
}
