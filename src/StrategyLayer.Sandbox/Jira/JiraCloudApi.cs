using System.Text.Json;
using StrategyLayer.Sandbox.Data;
using StrategyLayer.Sandbox.Http;

namespace StrategyLayer.Sandbox.Jira;

/// <summary>Jira Cloud REST API v3 (and the v2 issue GET), as Atlassian documents it.</summary>
internal static class JiraCloudApi
{
    public const string Unbounded = "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.";
    private const string Root = VendorGate.JiraCloud + "/rest/api";

    public static void Map(IEndpointRouteBuilder app, SandboxState state, Func<string> baseUrl)
    {
        JiraInstance Flavor(int version) => new(true, version, baseUrl() + VendorGate.JiraCloud, state.Zone);

        app.MapMethods(Root + "/3/search/jql", ["GET", "POST"], (HttpContext ctx) => Guard(ctx, () => SearchAsync(ctx, state, Flavor(3))));
        app.MapPost(Root + "/3/search/approximate-count", (HttpContext ctx) => Guard(ctx, async () =>
        {
            var request = await JiraSearchRequest.ReadAsync(ctx);
            var query = state.Jira.Parse(request.Jql);
            if (!query.IsBounded)
            {
                throw new JqlException(Unbounded);
            }

            var count = state.Jira.Run(request.Jql, query).Length;
            await JsonOut.WriteAsync(ctx, 200, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("count", count);
                w.WriteEndObject();
            });
        }));
        app.MapPost(Root + "/3/issue/bulkfetch", (HttpContext ctx) => Guard(ctx, () => BulkFetchAsync(ctx, state, Flavor(3))));
        foreach (var v in new[] { 2, 3 })
        {
            var version = v;
            app.MapGet(Root + "/" + v + "/issue/{idOrKey}", (HttpContext ctx, string idOrKey) => Guard(ctx, () => JiraSharedEndpoints.IssueAsync(ctx, state, Flavor(version), idOrKey)));
            app.MapGet(Root + "/" + v + "/myself", (HttpContext ctx) => JiraSharedEndpoints.MyselfAsync(ctx, state, Flavor(version)));
            app.MapGet(Root + "/" + v + "/field", (HttpContext ctx) => JiraSharedEndpoints.FieldsAsync(ctx, Flavor(version)));
            app.MapMethods(Root + "/" + v + "/search", ["GET", "POST"], (HttpContext ctx) => JsonOut.JiraErrorAsync(ctx, 410,
                "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046"));
        }
    }

    /// <summary>Answers a JQL or body problem as Jira does: 400 with errorMessages, never a stack trace.</summary>
    public static async Task Guard(HttpContext ctx, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (JqlException e)
        {
            await JsonOut.JiraErrorAsync(ctx, 400, e.Message);
        }
        catch (JsonException e)
        {
            await JsonOut.JiraErrorAsync(ctx, 400, $"Unexpected character in the request body at line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}.");
        }
    }

    private static async Task SearchAsync(HttpContext ctx, SandboxState state, JiraInstance flavor)
    {
        var request = await JiraSearchRequest.ReadAsync(ctx);
        var query = state.Jira.Parse(request.Jql);
        if (!query.IsBounded)
        {
            throw new JqlException(Unbounded);
        }

        var selection = JiraFieldSelection.Parse(request.Fields, "id", flavor);
        var max = Math.Clamp(request.MaxResults ?? 50, 1, selection.IdOrKeyOnly ? 5000 : 100);
        var offset = request.NextPageToken is { Length: > 0 } token ? PageToken.Decode(token, request.Jql) : 0;
        var items = state.Jira.Run(request.Jql, query);
        var end = Math.Min(items.Length, offset + max);
        var writer = new JiraIssueWriter(state.Index, flavor, state.Faults);
        await JsonOut.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("issues");
            for (var k = offset; k < end; k++)
            {
                writer.Write(w, JiraGenerator.Generate(state.Index, items[k]), selection);
            }

            w.WriteEndArray();
            if (end < items.Length)
            {
                w.WriteString("nextPageToken", PageToken.Encode(request.Jql, end));
            }

            w.WriteBoolean("isLast", end >= items.Length);
            w.WriteEndObject();
        });
    }

    private static async Task BulkFetchAsync(HttpContext ctx, SandboxState state, JiraInstance flavor)
    {
        using var doc = await JsonOut.ReadAsync(ctx);
        if (doc is null || !doc.RootElement.TryGetProperty("issueIdsOrKeys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            throw new JqlException("issueIdsOrKeys: must not be empty.");
        }

        var requested = keys.EnumerateArray().Select(k => k.ValueKind == JsonValueKind.Number ? k.GetRawText() : k.GetString() ?? "").ToList();
        IReadOnlyList<string>? fields = doc.RootElement.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array
            ? [.. f.EnumerateArray().Select(e => e.GetString() ?? "")]
            : null;
        var selection = JiraFieldSelection.Parse(fields, "*navigable", flavor);
        var limit = selection.IdOrKeyOnly ? 1000 : 100;
        if (requested.Count is 0 || requested.Count > limit)
        {
            throw new JqlException($"issueIdsOrKeys: size must be between 1 and {limit}.");
        }

        var writer = new JiraIssueWriter(state.Index, flavor, state.Faults);
        await JsonOut.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("expand", "schema,names");
            w.WriteStartArray("issues");
            foreach (var item in requested.Select(state.Index.FindJira).Where(i => i >= 0).Distinct())
            {
                writer.Write(w, JiraGenerator.Generate(state.Index, item), selection);
            }

            // Missing and forbidden issues are silently left out, as Jira does.
            w.WriteEndArray();
            w.WriteStartArray("issueErrors");
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
