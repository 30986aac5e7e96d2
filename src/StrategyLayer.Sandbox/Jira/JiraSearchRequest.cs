using System.Globalization;
using System.Text.Json;
using StrategyLayer.Sandbox.Http;

namespace StrategyLayer.Sandbox.Jira;

/// <summary>Search parameters from a GET query string or a POST JSON body.</summary>
internal sealed record JiraSearchRequest(string? Jql, int? MaxResults, int? StartAt, string? NextPageToken, IReadOnlyList<string>? Fields)
{
    public static async Task<JiraSearchRequest> ReadAsync(HttpContext ctx)
    {
        if (HttpMethods.IsPost(ctx.Request.Method))
        {
            using var doc = await JsonOut.ReadAsync(ctx);
            if (doc is null || doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new(null, null, null, null, null);
            }

            var root = doc.RootElement;
            return new(
                Str(root, "jql"),
                Num(root, "maxResults"),
                Num(root, "startAt"),
                Str(root, "nextPageToken"),
                root.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array ? [.. f.EnumerateArray().Select(e => e.GetString() ?? "")] : null);
        }

        var q = ctx.Request.Query;
        return new(
            q["jql"].FirstOrDefault(),
            QueryNumber(q, "maxResults"),
            QueryNumber(q, "startAt"),
            q["nextPageToken"].FirstOrDefault(),
            q.ContainsKey("fields") ? [.. q["fields"].Select(v => v ?? "")] : null);
    }

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Num(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;

    private static int? QueryNumber(IQueryCollection q, string name)
    {
        var raw = q[name].FirstOrDefault();
        if (raw is null)
        {
            return null;
        }

        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new JqlException($"The '{name}' parameter must be a number but was '{raw}'.");
    }
}
