using System.Reflection;
using System.Text.Json;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Reporting;

public sealed partial record ReportSettings
{
    /// <summary>
    /// Reads the config's <c>status</c> object (camelCase keys, every one optional; null or empty:
    /// the defaults). Unknown keys, non-numbers and amber thresholds beyond red are diagnostics
    /// naming the file and the JSON path (<c>status.blockerRedDays</c>).
    /// </summary>
    public static ReportSettings FromJson(string? json, string? file = null)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Default;
        }

        var problems = new List<Diagnostic>();
        var settings = Default with { };
        var properties = typeof(ReportSettings)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..], StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new DiagnosticsException([new Diagnostic("status must be an object of thresholds.", file, Path: "status")]);
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var path = "status." + property.Name;
                if (!properties.TryGetValue(property.Name, out var target))
                {
                    problems.Add(new Diagnostic($"unknown status setting (known: {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}).", file, Path: path));
                    continue;
                }

                if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var number) || number < 0)
                {
                    problems.Add(new Diagnostic("must be a number, 0 or more.", file, Path: path));
                    continue;
                }

                if (target.PropertyType == typeof(int))
                {
                    if (number != Math.Floor(number) || number > int.MaxValue)
                    {
                        problems.Add(new Diagnostic("must be a whole number.", file, Path: path));
                        continue;
                    }

                    target.SetValue(settings, (int)number);
                }
                else
                {
                    target.SetValue(settings, number);
                }
            }
        }
        catch (JsonException e)
        {
            problems.Add(new Diagnostic("status is not valid JSON: " + e.Message, file, Path: "status"));
        }

        Order(problems, file, "doneRatioAmberBehind", settings.DoneRatioAmberBehind, "doneRatioRedBehind", settings.DoneRatioRedBehind);
        Order(problems, file, "staleShareAmber", settings.StaleShareAmber, "staleShareRed", settings.StaleShareRed);
        Order(problems, file, "blockerAmberDays", settings.BlockerAmberDays, "blockerRedDays", settings.BlockerRedDays);
        Order(problems, file, "potentialAmberPercent", settings.PotentialAmberPercent, "potentialRedPercent", settings.PotentialRedPercent);
        Order(problems, file, "overdueShareAmber", settings.OverdueShareAmber, "overdueShareRed", settings.OverdueShareRed);
        Order(problems, file, "freshnessAmberHours", settings.FreshnessAmberHours, "freshnessRedHours", settings.FreshnessRedHours);
        if (settings.MaxRows < 1 || settings.TrendPeriods < 1)
        {
            problems.Add(new Diagnostic("maxRows and trendPeriods must be at least 1.", file, Path: "status"));
        }

        return problems.Count == 0 ? settings : throw new DiagnosticsException(problems);
    }

    private static void Order(List<Diagnostic> problems, string? file, string amberName, double amber, string redName, double red)
    {
        if (amber > red)
        {
            problems.Add(new Diagnostic($"{amberName} ({amber}) must not exceed {redName} ({red}).", file, Path: "status." + amberName));
        }
    }
}
