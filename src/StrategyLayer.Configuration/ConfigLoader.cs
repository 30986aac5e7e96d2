using Newtonsoft.Json.Linq;
using StrategyLayer.Configuration.Files;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Configuration;

/// <summary>
/// Loads the entry config file: JSON with comments, checked against the schema, <c>${env:NAME}</c>
/// resolved, paths made absolute against the file's folder, secrets read from the environment (or
/// a secrets file), references between sections checked. Every problem is collected.
/// </summary>
public static class ConfigLoader
{
    private static readonly EmbeddedSchema Schema = new(typeof(ConfigLoader).Assembly, "strategylayer.schema.json");

    /// <summary>Loads or throws <see cref="DiagnosticsException"/> with every problem.</summary>
    public static async Task<AppConfig> LoadAsync(string path, Func<string, string?>? environment, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        var config = await TryLoadAsync(path, diagnostics, environment, cancellationToken).ConfigureAwait(false);
        if (config is null || diagnostics.Count > 0)
        {
            throw new DiagnosticsException(diagnostics);
        }

        return config;
    }

    /// <summary>
    /// Loads, adding every problem to <paramref name="diagnostics"/>: schema violations, unset
    /// variables, missing files and bad references together, in one pass. The sections are read even
    /// when the schema found problems (a value the schema refused is skipped, its problem already
    /// listed), so the config returned may be partial: use it only when no problem was added. Null
    /// when the file cannot be read or parsed at all.
    /// </summary>
    public static async Task<AppConfig?> TryLoadAsync(string path, ICollection<Diagnostic> diagnostics, Func<string, string?>? environment, CancellationToken cancellationToken)
    {
        var schema = await Schema.ParsedAsync(cancellationToken).ConfigureAwait(false);
        var file = JsonFile.Load(path, diagnostics);
        if (file is null)
        {
            return null;
        }

        var before = diagnostics.Count;
        file.Validate(schema, diagnostics);
        var tolerant = diagnostics.Count > before;
        if (file.Root is not JObject root)
        {
            return null;
        }

        var lookup = Secrets(file, root, environment ?? Environment.GetEnvironmentVariable, diagnostics);
        file.ResolveEnvironment(lookup, diagnostics);
        var reader = new SectionReader(file, lookup, diagnostics, tolerant);

        var zoneToken = root["timeZone"];
        var zone = TimeZoneInfo.Utc;
        if (zoneToken is JValue { Type: JTokenType.String } && !TimeZoneInfo.TryFindSystemTimeZoneById((string)zoneToken!, out zone))
        {
            diagnostics.Add(file.At(zoneToken, $"unknown time zone '{zoneToken}': use an IANA name such as Europe/Lisbon"));
            zone = TimeZoneInfo.Utc;
        }

        var sources = reader.Sources(root["sources"] as JArray);
        var channels = reader.Channels(root["channels"] as JArray);
        var audiences = reader.Audiences(root["audiences"] as JArray);
        var schedules = reader.Schedules(root["schedules"] as JArray);
        var templates = file.ResolvePath(Text(root, "templates") ?? "../templates");

        reader.CheckReferences(root, sources, channels, audiences, templates);
        return new AppConfig
        {
            File = file.Path,
            // A file is relative to the config; a server's URI (postgresql://…) is kept as written.
            Store = Text(root, "store") is { } store && store.Contains("://", StringComparison.Ordinal) ? store : PathOf(file, root, "store"),
            StorePassword = lookup("PGPASSWORD"),
            TimeZone = zone ?? TimeZoneInfo.Utc,
            WebBaseUrl = Text(root, "webBaseUrl")?.TrimEnd('/'),
            Logs = file.ResolvePath(Text(root, "logs") ?? "../data/logs"),
            Strategy = PathOf(file, root, "strategy"),
            Rules = PathOf(file, root, "rules"),
            Templates = templates,
            Sources = sources,
            Audiences = audiences,
            Channels = channels,
            Schedules = schedules,
            StatusJson = root["status"]?.ToString(Newtonsoft.Json.Formatting.None),
            Web = reader.Web(root["web"] as JObject),
        };
    }

    /// <summary>A string value of the root; null when absent or not a string (the schema says so).</summary>
    private static string? Text(JObject root, string key) => root[key] is JValue { Type: JTokenType.String } v ? (string?)v : null;

    /// <summary>A path of the root made absolute; empty when absent (the schema says so, and checks of that file are skipped).</summary>
    private static string PathOf(JsonFile file, JObject root, string key) => Text(root, key) is { Length: > 0 } p ? file.ResolvePath(p) : "";

    /// <summary>The environment first, then the secrets file named in config (NAME=value lines).</summary>
    private static Func<string, string?> Secrets(JsonFile file, JObject root, Func<string, string?> environment, ICollection<Diagnostic> diagnostics)
    {
        var secretsToken = root["secretsFile"];
        if (secretsToken is null)
        {
            return environment;
        }

        var path = file.ResolvePath((string)secretsToken!);
        if (!File.Exists(path))
        {
            diagnostics.Add(file.At(secretsToken, $"secrets file {path} not found"));
            return environment;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var eq = text.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                diagnostics.Add(new Diagnostic("expected NAME=value", path, lineNumber));
                continue;
            }

            values[text[..eq].Trim()] = text[(eq + 1)..].Trim();
        }

        return name => environment(name) ?? (values.TryGetValue(name, out var v) ? v : null);
    }
}
