using System.Globalization;
using StrategyLayer.Sandbox.Data;
using StrategyLayer.Sandbox.Http;

namespace StrategyLayer.Sandbox.Jira;

/// <summary>Jira Data Center REST API v2: offset paging with a total and a silent cap on maxResults.</summary>
internal static class JiraDataCenterApi
{
    private const string Root = VendorGate.JiraDataCenter + "/rest/api/2";

    public static void Map(IEndpointRouteBuilder app, SandboxState state, Func<string> baseUrl)
    {
        JiraInstance Flavor() => new(false, 2, baseUrl() + VendorGate.JiraDataCenter, state.Zone);

        app.MapMethods(Root + "/search", ["GET", "POST"], (HttpContext ctx) => JiraCloudApi.Guard(ctx, () => SearchAsync(ctx, state, Flavor())));
        app.MapGet(Root + "/issue/{idOrKey}", (HttpContext ctx, string idOrKey) => JiraCloudApi.Guard(ctx, () => JiraSharedEndpoints.IssueAsync(ctx, state, Flavor(), idOrKey)));
        app.MapGet(Root + "/myself", (HttpContext ctx) => JiraSharedEndpoints.MyselfAsync(ctx, state, Flavor()));
        app.MapGet(Root + "/field", (HttpContext ctx) => JiraSharedEndpoints.FieldsAsync(ctx, Flavor()));
    }

    private static async Task SearchAsync(HttpContext ctx, SandboxState state, JiraInstance flavor)
    {
        var request = await JiraSearchRequest.ReadAsync(ctx);
        var startAt = Math.Max(0, request.StartAt ?? 0);
        if (startAt >= state.Options.DataCenterResultWindow)
        {
            // OpenSearch-backed Data Center cannot page past max_result_window; clients must narrow the JQL instead.
            var window = state.Options.DataCenterResultWindow.ToString(CultureInfo.InvariantCulture);
            await JsonOut.JiraErrorAsync(ctx, 400,
                $"Result window is too large, from + size must be less than or equal to: [{window}] but was [{(startAt + (request.MaxResults ?? 50)).ToString(CultureInfo.InvariantCulture)}]. See the scroll api for a more efficient way to request large data sets.");
            return;
        }

        var query = state.Jira.Parse(request.Jql);
        var selection = JiraFieldSelection.Parse(request.Fields, "*navigable", flavor);
        var max = Math.Clamp(request.MaxResults ?? 50, 0, state.Options.DataCenterMaxResults);
        var items = state.Jira.Run(request.Jql, query);
        var end = Math.Min(items.Length, startAt + max);
        var writer = new JiraIssueWriter(state.Index, flavor, state.Faults);
        await JsonOut.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("expand", "schema,names");
            w.WriteNumber("startAt", startAt);
            w.WriteNumber("maxResults", max);
            w.WriteNumber("total", items.Length);
            w.WriteStartArray("issues");
            for (var k = startAt; k < end; k++)
            {
                writer.Write(w, JiraGenerator.Generate(state.Index, items[k]), selection);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
