using System.Globalization;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Strategy;

namespace StrategyLayer.Mapping.Files;

/// <summary>Actual values imported from a CSV file with the columns <c>measure,period,value</c>.</summary>
internal sealed class CsvActuals
{
    private readonly Dictionary<string, Dictionary<string, double>> _values = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, double> For(string measureId) =>
        _values.TryGetValue(measureId, out var v) ? v : new Dictionary<string, double>();

    /// <summary>
    /// Null when the file is missing or has no header (a diagnostic). A bad row is not: it is left out and
    /// named in <paramref name="unusable"/> (file and line), and the rows that read are used.
    /// </summary>
    public static CsvActuals? Load(string path, int? referencedAt, ICollection<Diagnostic> diagnostics, ICollection<UnusableValue> unusable, string strategyPath)
    {
        if (!File.Exists(path))
        {
            diagnostics.Add(new Diagnostic($"csv actuals file not found: {path}", strategyPath, referencedAt));
            return null;
        }

        var result = new CsvActuals();
        var lines = File.ReadAllLines(path);
        var header = lines.Length > 0 ? Split(lines[0]).Select(c => c.Trim().ToLowerInvariant()).ToArray() : [];
        if (header is not ["measure", "period", "value"])
        {
            diagnostics.Add(new Diagnostic("the first line must be the header measure,period,value", path, 1));
            return null;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var cells = Split(lines[i]);
            if (cells.Count != 3)
            {
                unusable.Add(new UnusableValue(path, i + 1, $"expected 3 columns (measure,period,value), found {cells.Count}"));
                continue;
            }

            var (measure, periodText, valueText) = (cells[0].Trim(), cells[1].Trim(), cells[2].Trim());
            if (measure.Length == 0)
            {
                unusable.Add(new UnusableValue(path, i + 1, "the measure column is empty"));
            }
            else if (!ReportingPeriod.TryParse(periodText, out var period))
            {
                unusable.Add(new UnusableValue(path, i + 1, $"'{periodText}' is not a reporting period: use YYYY-MM, YYYY-Qn or YYYY-Www"));
            }
            else if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                unusable.Add(new UnusableValue(path, i + 1, $"'{valueText}' is not a number"));
            }
            else
            {
                if (!result._values.TryGetValue(measure, out var values))
                {
                    result._values[measure] = values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
                }

                values[period.Name] = value;
            }
        }

        return result;
    }

    /// <summary>Comma-separated cells; a cell may be quoted with "" for a literal quote.</summary>
    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var sb = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        cells.Add(sb.ToString());
        return cells;
    }
}
