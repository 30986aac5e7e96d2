using System.Globalization;
using System.Text.Json;

namespace StrategyLayer.Connectors.Jira;

/// <summary>A Jira field value as the text a user sees: options by value, users by name, rich text as plain text.</summary>
internal static class FieldText
{
    public static string? Render(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => Join(value),
        JsonValueKind.Object => RenderObject(value),
        _ => null,
    };

    /// <summary>A number from a numeric field or a numeric string; null otherwise.</summary>
    public static double? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static string? Join(JsonElement array)
    {
        var parts = array.EnumerateArray().Select(Render).Where(s => !string.IsNullOrEmpty(s)).ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static string? RenderObject(JsonElement obj)
    {
        if (AdfText.IsDocument(obj))
        {
            return AdfText.ToPlainText(obj);
        }

        foreach (var name in (string[])["value", "displayName", "name", "key", "emailAddress", "accountId"])
        {
            if (obj.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            {
                var text = Render(v);
                // A cascading select carries its second level in "child".
                return obj.TryGetProperty("child", out var child) && Render(child) is { } c ? text + " / " + c : text;
            }
        }

        return JsonSerializer.Serialize(obj);
    }
}
