using System.Globalization;
using System.Text.Json;
using StrategyLayer.Connectors.Text;

namespace StrategyLayer.Connectors.ServiceNow;

/// <summary>
/// One row of a Table API answer with <c>sysparm_display_value=all</c>: each field is
/// <c>{display_value, value}</c>, or a bare string (an empty reference comes back as <c>""</c>).
/// </summary>
internal sealed class TableRecord(JsonElement row)
{
    public JsonElement Row { get; } = row;

    /// <summary>The stored value (codes, sys_ids, UTC dates); null when absent or empty.</summary>
    public string? Value(string field) => Read(field, "value");

    /// <summary>The label a user sees; falls back to the value; null when absent or empty.</summary>
    public string? Display(string field) => Read(field, "display_value") ?? Value(field);

    public bool Has(string field) => Row.ValueKind == JsonValueKind.Object && Row.TryGetProperty(field, out _);

    /// <summary>A UTC date field; null when empty; throws <see cref="FormatException"/> naming the field when unreadable.</summary>
    public DateTimeOffset? Date(string field)
    {
        var raw = Value(field);
        if (raw is null)
        {
            return null;
        }

        if (FixedDate.TryParseUtc(raw, out var at)
            || DateTime.TryParseExact(raw, EncodedQuery.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out at)
            || DateTime.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out at))
        {
            return new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
        }

        throw new FormatException($"field {field}: '{Shorten(raw)}' is not a date (yyyy-MM-dd HH:mm:ss)");
    }

    private string? Read(string field, string part)
    {
        if (Row.ValueKind != JsonValueKind.Object || !Row.TryGetProperty(field, out var f))
        {
            return null;
        }

        var text = f.ValueKind switch
        {
            JsonValueKind.Object => f.TryGetProperty(part, out var p) ? Text(p) : null,
            _ => Text(f),
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => LenientJson.GetString(e),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        _ => null,
    };

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
