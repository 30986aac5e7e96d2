using System.Text.Json;
using RestSharp;

namespace StrategyLayer.Connectors.Jira;

/// <summary>Jira's own words from a failed response: <c>errorMessages</c> and <c>errors</c> (field → message).</summary>
internal static class JiraErrorText
{
    public static string? Describe(RestResponse response) => Messages(response.Content) is { Count: > 0 } m ? string.Join("; ", m) : Start(response.Content);

    public static IReadOnlyList<string> Messages(string? content)
    {
        var messages = new List<string>();
        if (string.IsNullOrWhiteSpace(content) || content.TrimStart()[0] != '{')
        {
            return messages;
        }

        try
        {
            using var doc = JsonDocument.Parse(content);
            var root = doc.RootElement;
            if (root.TryGetProperty("errorMessages", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                messages.AddRange(list.EnumerateArray().Select(e => e.ToString()).Where(s => s.Length > 0));
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                messages.AddRange(errors.EnumerateObject().Select(p => $"{p.Name}: {p.Value}"));
            }

            if (messages.Count == 0 && root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                messages.Add(message.GetString()!);
            }
        }
        catch (JsonException)
        {
            // Not Jira's error shape: the caller shows the start of the body instead.
        }

        return messages;
    }

    private static string? Start(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        var text = content.Trim();
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
