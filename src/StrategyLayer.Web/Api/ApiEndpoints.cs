using StrategyLayer.Application;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Reporting;

namespace StrategyLayer.Web.Api;

/// <summary>
/// JSON under <c>/api/</c>, the same objects as the CLI's <c>--json</c>: <c>/api/items</c> (paged,
/// <c>{items, total}</c>), <c>/api/items/{id}/explain</c>, <c>/api/status</c>, and
/// <c>/api/report?period=…</c> (the document of <c>report --json</c> without its files; the running
/// period when none is named). GET only.
/// </summary>
internal static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app, StoreViews views)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/items", async (int? offset, int? limit, string? team, string? measure, bool? untracked, string? q, CancellationToken ct) =>
        {
            try
            {
                var page = await views.ItemsAsync(new ItemFilter(team, measure, untracked, q), offset ?? 0, limit ?? views.Options.PageSize, ct).ConfigureAwait(false);
                return Results.Json(new { items = page.Items.Select(r => r.Item), total = page.Total, offset = page.Offset, limit = page.Limit }, WebJson.Options);
            }
            catch (DiagnosticsException e)
            {
                var d = e.Diagnostics.FirstOrDefault();
                return Results.Json(new { error = d?.Message ?? e.Message, query = q, line = d?.Line, column = d?.Column }, WebJson.Options, statusCode: StatusCodes.Status400BadRequest);
            }
        });
        api.MapGet("/items/{id}/explain", async (string id, CancellationToken ct) =>
            await views.ExplainAsync(id, ct).ConfigureAwait(false) is { } explain
                ? Results.Json(explain, WebJson.Options)
                : Results.Json(new { error = $"No stored item is named '{id}'.", id }, WebJson.Options, statusCode: StatusCodes.Status404NotFound));
        api.MapGet("/status", async (CancellationToken ct) => Results.Json(await views.StatusAsync(ct).ConfigureAwait(false), WebJson.Options));
        api.MapGet("/report", async (string? period, CancellationToken ct) =>
        {
            var chosen = views.LivePeriod();
            if (!string.IsNullOrEmpty(period) && period != "live" && !ReportingPeriod.TryParse(period, out chosen))
            {
                return Results.Json(new { error = $"'{period}' is not a period: use YYYY-MM, YYYY-Qn or YYYY-Www, or live.", period }, WebJson.Options, statusCode: StatusCodes.Status400BadRequest);
            }

            return Results.Json(await views.ReportAsync(chosen, ct).ConfigureAwait(false), WebJson.Options);
        });
    }
}
