using Newtonsoft.Json.Linq;
using StrategyLayer.Configuration.Files;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Strategy;

namespace StrategyLayer.Mapping.Files;

/// <summary>
/// Reads strategy.json (comments allowed): Organization → Portfolio → Program → Project →
/// Measure Package → Measure with KPIs. Checks the schema (unknown keys, missing target, …),
/// unique non-blank ids across the tree, planned periods, computed filters and CSV actuals;
/// every problem is a diagnostic with file, line and JSON path, except a bad CSV row: that is data,
/// left out and named in <see cref="StrategyTree.UnusableValues"/> (the report lists it, exit 3).
/// </summary>
public static partial class StrategyFile
{
    /// <summary>Null when any problem was found (all of them are in <paramref name="diagnostics"/>).</summary>
    public static async Task<StrategyTree?> LoadAsync(string path, ICollection<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var schema = await EmbeddedSchemas.Strategy.ParsedAsync(cancellationToken).ConfigureAwait(false);
        var before = diagnostics.Count;
        var file = JsonFile.Load(path, diagnostics);
        if (file is null)
        {
            return null;
        }

        file.Validate(schema, diagnostics);
        if (file.Root["organization"] is not JObject org)
        {
            return null;
        }

        var reader = new Reader(file, diagnostics);
        var relativeTo = reader.RelativeTo(file.Root);
        var tree = new StrategyTree(Described(org, new Organization
        {
            Id = reader.Id(org),
            Name = Str(org, "name") ?? "",
            Portfolios = reader.List(org, "portfolios", p => Described(p, new Portfolio
            {
                Id = reader.Id(p),
                Name = Str(p, "name") ?? "",
                Programs = reader.List(p, "programs", g => Described(g, new Program
                {
                    Id = reader.Id(g),
                    Name = Str(g, "name") ?? "",
                    Projects = reader.List(g, "projects", j => Described(j, new Project
                    {
                        Id = reader.Id(j),
                        Name = Str(j, "name") ?? "",
                        MeasurePackages = reader.List(j, "measurePackages", k => Described(k, new MeasurePackage
                        {
                            Id = reader.Id(k),
                            Name = Str(k, "name") ?? "",
                            Measures = reader.List(k, "measures", m => Described(m, new Measure
                            {
                                Id = reader.Id(m),
                                Name = Str(m, "name") ?? "",
                                Kpi = reader.Kpi(m),
                            })),
                        })),
                    })),
                })),
            })),
        }));

        return diagnostics.Count > before ? null : tree with { PeriodsRelativeTo = relativeTo, UnusableValues = reader.Unusable };
    }

    // What every level of the tree has besides its id and name.
    private static T Described<T>(JObject obj, T node)
        where T : StrategyNode => node with
        {
            BusinessOwner = Str(obj, "businessOwner"),
            TechnicalOwner = Str(obj, "technicalOwner"),
            Description = Str(obj, "description"),
        };

    private static string? Str(JObject obj, string name) => obj[name] is JValue { Type: JTokenType.String } v ? (string?)v : null;

    private static double? Num(JToken? token) => token is JValue { Type: JTokenType.Integer or JTokenType.Float } v ? v.Value<double>() : null;

    private sealed partial class Reader(JsonFile file, ICollection<Diagnostic> diagnostics)
    {
        private readonly Dictionary<string, JToken> _ids = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, CsvActuals?> _csv = new(StringComparer.Ordinal);
        private readonly List<UnusableValue> _unusable = [];
        private bool _monthsOnly;

        public IReadOnlyList<UnusableValue> Unusable => _unusable;

        public string Id(JObject node)
        {
            var token = node["id"];
            var id = Str(node, "id") ?? "";
            if (token is JValue { Type: JTokenType.String } && id.Length > 0 && id.Trim().Length == 0)
            {
                diagnostics.Add(file.At(token, "an id must not be empty"));
            }
            else if (id.Length > 0 && _ids.TryGetValue(id, out var first))
            {
                diagnostics.Add(file.At(token, $"duplicate id '{id}' (also at line {(first as Newtonsoft.Json.IJsonLineInfo)?.LineNumber}, $.{first.Path})"));
            }
            else if (id.Length > 0)
            {
                _ids[id] = token!;
            }

            return id;
        }

        /// <summary>The month the tree's periods are written relative to; then every KPI key must be a month, since only months shift.</summary>
        public string? RelativeTo(JToken root)
        {
            if (root["periodsRelativeTo"] is not JValue { Type: JTokenType.String } token)
            {
                return null;
            }

            _monthsOnly = true;
            return ReportingPeriod.TryParse((string?)token, out var period) && period.Kind == PeriodKind.Month ? period.Name : null;
        }

        public IReadOnlyList<T> List<T>(JObject parent, string name, Func<JObject, T> read) =>
            [.. (parent[name] as JArray)?.OfType<JObject>().Select(read) ?? []];
    }
}
