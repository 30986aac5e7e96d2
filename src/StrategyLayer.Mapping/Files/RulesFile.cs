using Newtonsoft.Json.Linq;
using StrategyLayer.Configuration.Files;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Mapping.Query;
using StrategyLayer.Mapping.Rules;

namespace StrategyLayer.Mapping.Files;

/// <summary>
/// Reads rules.json (comments allowed): <c>inScope</c>, <c>pins [{item, measure}]</c>, ordered
/// <c>rules [{id, when, measure, description?}]</c>. Every problem becomes a diagnostic naming the
/// file, line, column and JSON path; a query error is placed at its column inside the file.
/// </summary>
public static class RulesFile
{
    /// <summary>Null when any problem was found (all of them are in <paramref name="diagnostics"/>).</summary>
    public static async Task<RuleSet?> LoadAsync(string path, StrategyTree tree, IReadOnlyCollection<string> customFields, ICollection<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var schema = await EmbeddedSchemas.Rules.ParsedAsync(cancellationToken).ConfigureAwait(false);
        var before = diagnostics.Count;
        var file = JsonFile.Load(path, diagnostics);
        if (file is null)
        {
            return null;
        }

        file.Validate(schema, diagnostics);
        if (file.Root is not JObject root)
        {
            return null;
        }

        var positions = QueryPosition.For(file.Path);
        var catalog = new FieldCatalog(customFields);
        var measures = new HashSet<string>(tree.Measures.Select(m => m.Id), StringComparer.OrdinalIgnoreCase);

        string? inScope = null;
        if (root["inScope"] is JValue { Type: JTokenType.String } scopeToken)
        {
            inScope = (string)scopeToken!;
            CheckQuery(file, positions, scopeToken, inScope, "inScope", catalog, diagnostics);
        }

        var pins = new List<RulePin>();
        foreach (var pin in (root["pins"] as JArray)?.OfType<JObject>() ?? [])
        {
            if (Text(pin, "item") is { } item && Text(pin, "measure") is { } measure)
            {
                CheckMeasure(file, pin["measure"]!, measure, measures, $"pin of '{item}'", diagnostics);
                pins.Add(new RulePin(item, measure));
            }
        }

        var rules = new List<MappingRule>();
        var ids = new Dictionary<string, JToken>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in (root["rules"] as JArray)?.OfType<JObject>() ?? [])
        {
            if (Text(rule, "id") is not { } id || Text(rule, "when") is not { } when || Text(rule, "measure") is not { } measure)
            {
                continue;
            }

            if (id.Trim().Length == 0)
            {
                diagnostics.Add(file.At(rule["id"], "a rule id must not be blank"));
            }
            else if (ids.TryGetValue(id, out var first))
            {
                var firstLine = (first as Newtonsoft.Json.IJsonLineInfo)?.LineNumber;
                diagnostics.Add(file.At(rule["id"], $"duplicate rule id '{id}' (first used on line {firstLine})"));
            }
            else
            {
                ids[id] = rule["id"]!;
            }

            CheckQuery(file, positions, rule["when"]!, when, $"rule '{id}'", catalog, diagnostics);
            CheckMeasure(file, rule["measure"]!, measure, measures, $"rule '{id}'", diagnostics);
            var (line, column) = positions.Locate(rule["when"]!, 0);
            rules.Add(new MappingRule(id, when, measure, Text(rule, "description"))
            {
                Location = new QueryLocation(file.Path, line ?? 0, column ?? 0, "$." + rule["when"]!.Path),
            });
        }

        return diagnostics.Count > before ? null : new RuleSet(inScope, pins, rules) { CustomFields = [.. customFields] };
    }

    private static void CheckQuery(JsonFile file, QueryPosition positions, JToken token, string query, string what, FieldCatalog catalog, ICollection<Diagnostic> diagnostics)
    {
        if (CompiledQuery.TryCompile(query, catalog, DateTimeOffset.UnixEpoch, out _, out var errors))
        {
            return;
        }

        foreach (var error in errors)
        {
            var (line, column) = positions.Locate(token, error.Offset);
            diagnostics.Add(new Diagnostic($"{what}: {error.Message} (query column {error.Column})", file.Path, line, column, "$." + token.Path));
        }
    }

    private static void CheckMeasure(JsonFile file, JToken token, string measure, HashSet<string> measures, string what, ICollection<Diagnostic> diagnostics)
    {
        if (!measures.Contains(measure))
        {
            diagnostics.Add(file.At(token, $"{what} maps to '{measure}', which is not a measure in the strategy tree"));
        }
    }

    private static string? Text(JObject obj, string name) => obj[name] is JValue { Type: JTokenType.String } v ? (string?)v : null;
}
