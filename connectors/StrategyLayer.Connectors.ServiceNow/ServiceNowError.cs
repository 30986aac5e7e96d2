using System.Text.Json;
using RestSharp;

namespace StrategyLayer.Connectors.ServiceNow;

/// <summary>Reads ServiceNow's error body, <c>{"error":{"message","detail"},"status":"failure"}</c>, for the user.</summary>
internal static class ServiceNowError
{
    public static string? Describe(RestResponse response)
    {
        var content = response.Content;
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        string? message = null;
        string? detail = null;
        try
        {
            using var doc = JsonDocument.Parse(content);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.Object)
                {
                    message = Text(error, "message");
                    detail = Text(error, "detail");
                }
                else if (error.ValueKind == JsonValueKind.String)
                {
                    // The OAuth endpoint answers {"error":"invalid_client","error_description":"…"}.
                    message = error.GetString();
                    detail = Text(doc.RootElement, "error_description");
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): show its start.
            var text = content.Trim();
            return text.Length > 200 ? text[..200] + "…" : text;
        }

        if (message is null && detail is null)
        {
            return null;
        }

        var said = message is null ? detail! : (detail is null || detail == message ? message : $"{message} ({detail})");
        if (message is not null && message.Contains("Invalid table", StringComparison.OrdinalIgnoreCase))
        {
            said += "; check the table names under 'tables' in config";
        }

        return said;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(p.GetString()) ? p.GetString() : null;
}
