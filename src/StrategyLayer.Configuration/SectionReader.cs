using Newtonsoft.Json.Linq;
using StrategyLayer.Configuration.Files;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Configuration;

/// <summary>
/// Turns the JSON sections into settings records, naming every problem's place. When the schema
/// found problems (<paramref name="tolerant"/>), an entry whose shape it refused is skipped rather
/// than read, so that the problems of every other entry (unset variables, bad references) are still
/// listed in the same pass.
/// </summary>
internal sealed class SectionReader(JsonFile file, Func<string, string?> lookup, ICollection<Diagnostic> diagnostics, bool tolerant = false)
{
    /// <summary>Reads each object of an array; in tolerant mode an entry that cannot be read is left out (the schema named its problem).</summary>
    private List<T> Each<T>(JArray? array, Func<JObject, IReadOnlyList<T>, T?> read)
        where T : class
    {
        var list = new List<T>();
        foreach (var token in array?.OfType<JObject>() ?? [])
        {
            try
            {
                if (read(token, list) is { } value)
                {
                    list.Add(value);
                }
            }
            catch (Exception e) when (tolerant && e is ArgumentException or FormatException or InvalidCastException or OverflowException or NullReferenceException or InvalidOperationException)
            {
                // The schema has already reported what makes this entry unreadable.
            }
        }

        return list;
    }

    public List<SourceConfig> Sources(JArray? array) => Each<SourceConfig>(array, Source);

    private SourceConfig? Source(JObject token, IReadOnlyList<SourceConfig> list)
    {
        var name = (string)token["name"]!;
        if (list.Any(s => s.Name == name))
        {
            diagnostics.Add(file.At(token["name"], $"source name '{name}' is used twice"));
        }

        var type = (string)token["type"]!;
        var tables = token["tables"]?.Values<string>().OfType<string>().ToList() ?? [];
        var options = new Dictionary<string, string>();
        if (token["options"] is JObject extra)
        {
            foreach (var p in extra.Properties())
            {
                options[p.Name] = p.Value.ToString(Newtonsoft.Json.Formatting.None);
            }
        }

        var baseUrl = (string)token["baseUrl"]!;
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            diagnostics.Add(file.At(token["baseUrl"], $"'{baseUrl}' is not a URL"));
            return null;
        }

        return new SourceConfig
        {
            Name = name,
            Type = type,
            BaseUrl = uri,
            Scope = (string?)token["scope"] ?? "",
            Auth = Auth(token["auth"] as JObject, type),
            Tables = tables,
            TeamField = (string?)token["teamField"],
            EstimateField = (string?)token["estimateField"],
            Fields = (token["fields"] as JObject)?.Properties().ToDictionary(p => p.Name, p => (string)p.Value!) ?? new Dictionary<string, string>(),
            NotDoneResolutions = token["notDoneResolutions"]?.Values<string>().OfType<string>().ToList(),
            Overlap = token["overlapMinutes"] is { } o ? TimeSpan.FromMinutes((int)o) : null,
            PageSize = (int?)token["pageSize"],
            MaxRetries = (int?)token["maxRetries"],
            Options = options,
        };
    }

    private SourceAuth Auth(JObject? auth, string sourceType)
    {
        if (auth is null)
        {
            return SourceAuth.Anonymous;
        }

        var kind = (string)auth["kind"]!;
        switch (kind)
        {
            case "basic":
                return new SourceAuth
                {
                    Kind = AuthKind.Basic,
                    User = Secret(auth, "userEnv"),
                    Secret = Secret(auth, auth["tokenEnv"] is not null ? "tokenEnv" : "passwordEnv"),
                };
            case "bearer":
                return new SourceAuth { Kind = AuthKind.Bearer, Secret = Secret(auth, "tokenEnv") };
            case "oauth":
                if (sourceType != "servicenow")
                {
                    diagnostics.Add(file.At(auth["kind"], "oauth is only supported for ServiceNow sources; use basic or bearer for Jira"));
                }

                var grant = (string?)auth["grant"] ?? "client_credentials";
                return new SourceAuth
                {
                    Kind = AuthKind.OAuth,
                    Grant = grant,
                    ClientId = Secret(auth, "clientIdEnv"),
                    ClientSecret = Secret(auth, "clientSecretEnv"),
                    User = grant == "password" ? Secret(auth, "userEnv") : null,
                    Secret = grant == "password" ? Secret(auth, "passwordEnv") : null,
                };
            default:
                return SourceAuth.Anonymous;
        }
    }

    /// <summary>Reads the environment variable named by <paramref name="key"/>; a missing key or unset variable is a diagnostic.</summary>
    private string? Secret(JObject owner, string key)
    {
        var token = owner[key];
        if (token is null)
        {
            diagnostics.Add(file.At(owner, $"missing '{key}': name the environment variable that holds it"));
            return null;
        }

        var name = (string)token!;
        var value = lookup(name);
        if (value is null)
        {
            diagnostics.Add(file.At(token, $"environment variable {name} is not set"));
        }

        return value;
    }

    public List<ChannelSettings> Channels(JArray? array) => Each<ChannelSettings>(array, Channel);

    private ChannelSettings Channel(JObject token, IReadOnlyList<ChannelSettings> list)
    {
        var name = (string)token["name"]!;
        var type = (string)token["type"]!;
        if (list.Any(c => c.Name == name))
        {
            diagnostics.Add(file.At(token["name"], $"channel name '{name}' is used twice"));
        }

        SmtpSettings? smtp = null;
        if (token["smtp"] is JObject s)
        {
            smtp = new SmtpSettings
            {
                Host = (string)s["host"]!,
                Port = (int?)s["port"] ?? 25,
                Security = (string?)s["security"] ?? "auto",
                User = s["userEnv"] is null ? null : Secret(s, "userEnv"),
                Password = s["passwordEnv"] is null ? null : Secret(s, "passwordEnv"),
            };
        }

        switch (type)
        {
            case "email" when smtp is null || token["from"] is null || token["to"] is not JArray { Count: > 0 }:
                diagnostics.Add(file.At(token, $"email channel '{name}' needs 'smtp', 'from' and at least one 'to'"));
                break;
            case "folder" when token["path"] is null:
                diagnostics.Add(file.At(token, $"folder channel '{name}' needs 'path'"));
                break;
            case "webhook" when token["urlEnv"] is null:
                diagnostics.Add(file.At(token, $"webhook channel '{name}' needs 'urlEnv' (the URL is a secret: it comes from the environment)"));
                break;
        }

        return new ChannelSettings
        {
            Name = name,
            Type = type,
            Smtp = smtp,
            From = (string?)token["from"],
            To = token["to"]?.Values<string>().OfType<string>().ToList() ?? [],
            Subject = (string?)token["subject"],
            Path = token["path"] is { } p ? file.ResolvePath((string)p!) : null,
            Format = (string?)token["format"] ?? (type == "webhook" ? "slack" : null),
            Url = token["urlEnv"] is null ? null : Secret(token, "urlEnv"),
        };
    }

    public List<AudienceSettings> Audiences(JArray? array) =>
        Each<AudienceSettings>(array, (t, _) => new AudienceSettings
        {
            Name = (string)t["name"]!,
            Template = (string)t["template"]!,
            Format = (string?)t["format"] ?? "both",
            Team = (string?)t["team"],
            Portfolio = (string?)t["portfolio"],
            Channels = t["channels"]?.Values<string>().OfType<string>().ToList() ?? [],
            Exceptions = (bool?)t["exceptions"] ?? false,
        });

    public List<ScheduleSettings> Schedules(JArray? array) =>
        Each<ScheduleSettings>(array, (t, _) => new ScheduleSettings
        {
            Job = (string)t["job"]!,
            Cron = (string)t["cron"]!,
            Source = (string?)t["source"],
            Audience = (string?)t["audience"],
            TimeZone = (string?)t["timeZone"],
        });

    public WebSettings Web(JObject? web)
    {
        if (web is null)
        {
            return new WebSettings();
        }

        try
        {
            return ReadWeb(web);
        }
        catch (Exception e) when (tolerant && e is ArgumentException or FormatException or InvalidCastException)
        {
            // The schema has already reported what makes the section unreadable.
            return new WebSettings();
        }
    }

    private WebSettings ReadWeb(JObject web)
    {
        var oidc = web["oidc"] as JObject;
        return new WebSettings
        {
            Urls = (string?)web["urls"] ?? new WebSettings().Urls,
            BearerToken = web["bearerTokenEnv"] is null ? null : Secret(web, "bearerTokenEnv"),
            AllowBearerOverHttp = (bool?)web["allowBearerOverHttp"] ?? false,
            OidcAuthority = (string?)oidc?["authority"],
            OidcClientId = (string?)oidc?["clientId"],
            OidcClientSecret = oidc?["clientSecretEnv"] is null ? null : Secret(oidc, "clientSecretEnv"),
        };
    }

    /// <summary>Audiences name channels and templates that exist; schedules name sources and audiences that exist.</summary>
    public void CheckReferences(JObject root, List<SourceConfig> sources, List<ChannelSettings> channels, List<AudienceSettings> audiences, string templates)
    {
        // Read from the tokens, not the settings: in tolerant mode an audience may have been left out.
        foreach (var token in (root["audiences"] as JArray)?.OfType<JObject>() ?? [])
        {
            var name = Text(token["name"]) ?? "?";
            foreach (var channel in token["channels"]?.OfType<JValue>() ?? [])
            {
                if (!channels.Any(c => c.Name == Text(channel)))
                {
                    diagnostics.Add(file.At(channel, $"audience '{name}' names channel '{channel}', which is not defined under 'channels'"));
                }
            }

            if (Text(token["template"]) is not { } template)
            {
                continue;
            }

            if (!IsTemplateName(template))
            {
                diagnostics.Add(file.At(token["template"], $"'{template}' is not a template name: name a file of the templates folder, without folders or .sbn (for example portfolio-pack)"));
            }
            else if (!File.Exists(Path.Combine(templates, template + ".sbn")))
            {
                diagnostics.Add(file.At(token["template"], $"template '{template}' not found: expected {Path.Combine(templates, template + ".sbn")}"));
            }
        }

        foreach (var schedule in (root["schedules"] as JArray)?.OfType<JObject>() ?? [])
        {
            if (schedule["source"] is JValue s && !sources.Any(x => x.Name == Text(s)))
            {
                diagnostics.Add(file.At(s, $"schedule names source '{s}', which is not defined under 'sources'"));
            }

            if (schedule["audience"] is JValue a && !audiences.Any(x => x.Name == Text(a)))
            {
                diagnostics.Add(file.At(a, $"schedule names audience '{a}', which is not defined under 'audiences'"));
            }
        }
    }

    /// <summary>
    /// A template is named, never reached by a path: no folder separator, nothing rooted, no leading
    /// dot (<c>../../outside/x</c> is refused here as it is when a pack is rendered).
    /// </summary>
    public static bool IsTemplateName(string name) =>
        name.Trim().Length > 0 && name.IndexOfAny(['/', '\\', ':']) < 0 && !name.StartsWith('.') && !Path.IsPathRooted(name);

    /// <summary>A string value; null when absent or another kind (the schema says so).</summary>
    private static string? Text(JToken? token) => token is JValue { Type: JTokenType.String } v ? (string?)v : null;
}
