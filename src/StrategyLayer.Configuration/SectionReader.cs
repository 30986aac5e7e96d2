using Newtonsoft.Json.Linq;
using StrategyLayer.Configuration.Files;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Configuration;

/// <summary>Turns the schema-checked JSON sections into settings records, naming every problem's place.</summary>
internal sealed class SectionReader(JsonFile file, Func<string, string?> lookup, ICollection<Diagnostic> diagnostics)
{
    public List<SourceSettings> Sources(JArray? array)
    {
        var list = new List<SourceSettings>();
        foreach (var token in array?.OfType<JObject>() ?? [])
        {
            var name = (string)token["name"]!;
            if (list.Any(s => s.Name == name))
            {
                diagnostics.Add(file.At(token["name"], $"source name '{name}' is used twice"));
            }

            var type = (string)token["type"]!;
            var tables = token["tables"]?.Values<string>().OfType<string>().ToList() ?? [];
            if (type == "servicenow" && tables.Count == 0)
            {
                tables = ["incident", "change_request", "problem"];
            }

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
                continue;
            }

            var defaults = new SourceSettings { Name = name, Type = type, BaseUrl = uri };
            list.Add(defaults with
            {
                Scope = (string?)token["scope"] ?? "",
                Auth = Auth(token["auth"] as JObject, type),
                Tables = tables,
                TeamField = (string?)token["teamField"],
                EstimateField = (string?)token["estimateField"],
                Fields = (token["fields"] as JObject)?.Properties().ToDictionary(p => p.Name, p => (string)p.Value!) ?? new Dictionary<string, string>(),
                NotDoneResolutions = token["notDoneResolutions"]?.Values<string>().OfType<string>().ToList() ?? defaults.NotDoneResolutions,
                Overlap = token["overlapMinutes"] is { } o ? TimeSpan.FromMinutes((int)o) : defaults.Overlap,
                PageSize = (int?)token["pageSize"] ?? (type == "servicenow" ? 1000 : 100),
                Resilience = token["maxRetries"] is { } r ? defaults.Resilience with { MaxRetries = (int)r } : defaults.Resilience,
                Options = options,
            });
        }

        return list;
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

    public List<ChannelSettings> Channels(JArray? array)
    {
        var list = new List<ChannelSettings>();
        foreach (var token in array?.OfType<JObject>() ?? [])
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

            list.Add(new ChannelSettings
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
            });
        }

        return list;
    }

    public List<AudienceSettings> Audiences(JArray? array) =>
        (array?.OfType<JObject>() ?? []).Select(t => new AudienceSettings
        {
            Name = (string)t["name"]!,
            Template = (string)t["template"]!,
            Format = (string?)t["format"] ?? "both",
            Team = (string?)t["team"],
            Portfolio = (string?)t["portfolio"],
            Channels = t["channels"]?.Values<string>().OfType<string>().ToList() ?? [],
            Exceptions = (bool?)t["exceptions"] ?? false,
        }).ToList();

    public List<ScheduleSettings> Schedules(JArray? array) =>
        (array?.OfType<JObject>() ?? []).Select(t => new ScheduleSettings
        {
            Job = (string)t["job"]!,
            Cron = (string)t["cron"]!,
            Source = (string?)t["source"],
            Audience = (string?)t["audience"],
            TimeZone = (string?)t["timeZone"],
        }).ToList();

    public WebSettings Web(JObject? web)
    {
        if (web is null)
        {
            return new WebSettings();
        }

        var oidc = web["oidc"] as JObject;
        return new WebSettings
        {
            Urls = (string?)web["urls"] ?? new WebSettings().Urls,
            BearerToken = web["bearerTokenEnv"] is null ? null : Secret(web, "bearerTokenEnv"),
            OidcAuthority = (string?)oidc?["authority"],
            OidcClientId = (string?)oidc?["clientId"],
            OidcClientSecret = oidc?["clientSecretEnv"] is null ? null : Secret(oidc, "clientSecretEnv"),
        };
    }

    /// <summary>Audiences name channels and templates that exist; schedules name sources and audiences that exist.</summary>
    public void CheckReferences(JObject root, List<SourceSettings> sources, List<ChannelSettings> channels, List<AudienceSettings> audiences, string templates)
    {
        var audienceTokens = (root["audiences"] as JArray)?.OfType<JObject>().ToList() ?? [];
        for (var i = 0; i < audienceTokens.Count; i++)
        {
            var token = audienceTokens[i];
            foreach (var channel in token["channels"]?.OfType<JValue>() ?? [])
            {
                if (!channels.Any(c => c.Name == (string?)channel))
                {
                    diagnostics.Add(file.At(channel, $"audience '{audiences[i].Name}' names channel '{channel}', which is not defined under 'channels'"));
                }
            }

            var template = audiences[i].Template;
            if (!File.Exists(Path.Combine(templates, template + ".sbn")))
            {
                diagnostics.Add(file.At(token["template"], $"template '{template}' not found: expected {Path.Combine(templates, template + ".sbn")}"));
            }
        }

        foreach (var schedule in (root["schedules"] as JArray)?.OfType<JObject>() ?? [])
        {
            if (schedule["source"] is { } s && !sources.Any(x => x.Name == (string?)s))
            {
                diagnostics.Add(file.At(s, $"schedule names source '{s}', which is not defined under 'sources'"));
            }

            if (schedule["audience"] is { } a && !audiences.Any(x => x.Name == (string?)a))
            {
                diagnostics.Add(file.At(a, $"schedule names audience '{a}', which is not defined under 'audiences'"));
            }
        }
    }
}
