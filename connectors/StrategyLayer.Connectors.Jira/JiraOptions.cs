using System.Text.Json;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Connectors.Jira;

/// <summary>
/// Jira-only settings, read from <see cref="Domain.Settings.SourceDescription.Options"/> (raw JSON text by key):
/// <c>epicLinkField</c>, <c>timeZone</c>, <c>sliceLimit</c>, <c>scopePageSize</c>, <c>bulkFetchSize</c>.
/// </summary>
public sealed record JiraOptions
{
    public static readonly JiraOptions Default = new();

    /// <summary>Data Center Epic Link field id; found through <c>/rest/api/2/field</c> when null.</summary>
    public string? EpicLinkField { get; init; }

    /// <summary>Overrides the Jira user's profile time zone (from <c>/myself</c>) used for JQL dates.</summary>
    public string? TimeZone { get; init; }

    /// <summary>
    /// Data Center: the highest <c>startAt</c> used before a new slice starts at the last <c>updated</c>
    /// seen. OpenSearch-backed instances refuse <c>startAt</c> ≥ 10,000.
    /// </summary>
    public int SliceLimit { get; init; } = 9000;

    /// <summary>Page size of the id/key-only scope listing; null: 5000 on Cloud, 1000 on Data Center.</summary>
    public int? ScopePageSize { get; init; }

    /// <summary>Ids per Cloud bulkfetch call (Jira allows at most 100).</summary>
    public int BulkFetchSize { get; init; } = 100;

    /// <summary>Reads the options; a wrong value is a usage error naming its key.</summary>
    public static JiraOptions From(SourceSettings settings)
    {
        var options = Default;
        foreach (var (key, raw) in settings.Options)
        {
            var where = $"sources[{settings.Name}].{key}";
            try
            {
                using var doc = Json(raw);
                var value = doc.RootElement;
                options = key switch
                {
                    "epicLinkField" => options with { EpicLinkField = value.GetString() },
                    "timeZone" => options with { TimeZone = value.GetString() },
                    "sliceLimit" => options with { SliceLimit = Positive(value, where) },
                    "scopePageSize" => options with { ScopePageSize = Positive(value, where) },
                    "bulkFetchSize" => options with { BulkFetchSize = Math.Min(100, Positive(value, where)) },
                    _ => options,
                };
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                throw new StrategyLayerException($"{where}: {e.Message}", ErrorKind.Usage, where, e);
            }
        }

        return options;
    }

    /// <summary>Options are raw JSON text; a bare word (<c>customfield_10008</c>) is read as the string it is.</summary>
    private static JsonDocument Json(string raw)
    {
        try
        {
            return JsonDocument.Parse(raw);
        }
        catch (JsonException)
        {
            return JsonDocument.Parse(JsonSerializer.Serialize(raw));
        }
    }

    private static int Positive(JsonElement value, string where)
    {
        var n = value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : value.GetInt32();
        return n > 0 ? n : throw new StrategyLayerException($"{where}: must be a positive number, not {n}", ErrorKind.Usage, where);
    }
}
