using Newtonsoft.Json.Linq;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Mapping.Query;

namespace StrategyLayer.Mapping.Files;

public static partial class StrategyFile
{
    private sealed partial class Reader
    {
        public Kpi Kpi(JObject measure)
        {
            var kpi = measure["kpi"] as JObject ?? [];
            return new Kpi
            {
                Unit = Str(kpi, "unit") ?? "",
                Baseline = Num(kpi["baseline"]) ?? 0,
                Target = Num(kpi["target"]) ?? 0,
                Direction = Str(kpi, "direction") == "down" ? KpiDirection.Down : KpiDirection.Up,
                Planned = Periods(kpi["planned"] as JObject),
                Actual = Actual(Str(measure, "id") ?? "", kpi["actual"] as JObject),
                Pacing = Str(kpi, "pacing") switch
                {
                    "linear" => KpiPacing.Linear,
                    "period-end" => KpiPacing.PeriodEnd,
                    "whole-period" => KpiPacing.WholePeriod,

                    // Missing: the default for the actual's kind; anything else the schema has reported.
                    _ => null,
                },
            };
        }

        private Dictionary<string, double> Periods(JObject? values)
        {
            var result = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in values?.Properties() ?? [])
            {
                if (!ReportingPeriod.TryParse(p.Name, out var period))
                {
                    diagnostics.Add(file.At(p, $"'{p.Name}' is not a reporting period: use YYYY-MM, YYYY-Qn or YYYY-Www"));
                }
                else if (_monthsOnly && period.Kind != PeriodKind.Month)
                {
                    diagnostics.Add(file.At(p, $"'{p.Name}' is not a month: a tree with periodsRelativeTo names months only (YYYY-MM), since only months move with the current month"));
                }
                else if (Num(p.Value) is { } v)
                {
                    result[period.Name] = v;
                }
            }

            return result;
        }

        private KpiActual Actual(string measureId, JObject? actual)
        {
            switch (actual is null ? null : Str(actual, "kind"))
            {
                case "entered":
                    return new EnteredActual(Periods(actual!["values"] as JObject));

                case "csv":
                    if (Str(actual!, "file") is not { Length: > 0 } name)
                    {
                        diagnostics.Add(file.At(actual, "a csv actual needs 'file' (columns measure, period, value)"));
                        return new EnteredActual(new Dictionary<string, double>());
                    }

                    var full = file.ResolvePath(name);
                    if (!_csv.TryGetValue(full, out var csv))
                    {
                        _csv[full] = csv = CsvActuals.Load(full, file.At(actual!["file"], "").Line, diagnostics, _unusable, file.Path);
                    }

                    return new EnteredActual(csv?.For(measureId) ?? new Dictionary<string, double>(), full);

                case "computed":
                    return Computed(actual!);

                default:
                    // The schema has already reported a missing or unknown kind.
                    return new EnteredActual(new Dictionary<string, double>());
            }
        }

        private ComputedActual Computed(JObject actual)
        {
            var of = actual["of"];
            switch (of)
            {
                case JValue { Type: JTokenType.String } v when (string?)v == "count":
                    return new ComputedActual(ComputedKind.Count);
                case JValue { Type: JTokenType.String } v when (string?)v == "done-ratio":
                    return new ComputedActual(ComputedKind.DoneRatio);
                case JObject o when o["sum"] is JValue { Type: JTokenType.String } sum:
                    var field = (string)sum!;
                    if (FieldCatalog.Open.Find(field) is not { Kind: FieldKind.Number or FieldKind.Text })
                    {
                        diagnostics.Add(file.At(sum, $"cannot sum '{field}': name a numeric field such as estimate or a custom field"));
                    }

                    return new ComputedActual(ComputedKind.Sum, Field: field);
                case JObject o when o["ratio"] is JArray { Count: 2 } ratio:
                    CheckFilter(ratio[0]);
                    CheckFilter(ratio[1]);
                    return new ComputedActual(ComputedKind.Ratio, Numerator: (string?)ratio[0], Denominator: (string?)ratio[1]);
                case null:
                    diagnostics.Add(file.At(actual, "a computed actual needs 'of': count, done-ratio, {\"sum\": FIELD} or {\"ratio\": [FILTER, FILTER]}"));
                    return new ComputedActual(ComputedKind.Count);
                default:
                    // The schema has already said what is wrong with it.
                    return new ComputedActual(ComputedKind.Count);
            }
        }

        private void CheckFilter(JToken token)
        {
            if (token is not JValue { Type: JTokenType.String } || (string?)token is not { } query)
            {
                return;
            }

            if (!CompiledQuery.TryCompile(query, FieldCatalog.Open, DateTimeOffset.UnixEpoch, out _, out var errors))
            {
                var positions = QueryPosition.For(file.Path);
                foreach (var error in errors)
                {
                    var (line, column) = positions.Locate(token, error.Offset);
                    diagnostics.Add(new Domain.Errors.Diagnostic($"ratio filter does not parse: {error.Message} (query column {error.Column})", file.Path, line, column, "$." + token.Path));
                }
            }
        }
    }
}
