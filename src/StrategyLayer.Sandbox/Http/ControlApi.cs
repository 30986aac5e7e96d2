using System.Globalization;
using System.Text.Json;

namespace StrategyLayer.Sandbox.Http;

/// <summary>The control API for a sandbox in another process: /_sandbox/… (never logged, never faulted).</summary>
internal static class ControlApi
{
    public const string Root = "/_sandbox";

    public static void Map(IEndpointRouteBuilder app, Func<SandboxHandle> handle)
    {
        app.MapGet(Root + "/counts", (HttpContext ctx) => JsonOut.WriteAsync(ctx, 200, w => WriteCounts(w, handle().Counts())));
        app.MapPost(Root + "/edit", (HttpContext ctx) => Keys(ctx, "edited", handle().Edit(Double(ctx, "share"), Source(ctx))));
        app.MapPost(Root + "/delete", (HttpContext ctx) => Keys(ctx, "deleted", handle().Delete((int)Double(ctx, "count"), Source(ctx))));
        app.MapPost(Root + "/move", (HttpContext ctx) => JsonOut.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("moved");
            foreach (var m in handle().MoveOutOfScope((int)Double(ctx, "count")))
            {
                w.WriteStartObject();
                w.WriteString("oldKey", m.OldKey);
                w.WriteString("newKey", m.NewKey);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }));
        app.MapPost(Root + "/faults", (HttpContext ctx) =>
        {
            handle().SetFaults(handle().Faults with
            {
                RateLimitedShare = Double(ctx, "rateLimited"),
                ServerErrorShare = Double(ctx, "serverErrors"),
                RetryAfterSeconds = (int)Double(ctx, "retryAfter", 1),
                NearLimit = string.Equals(ctx.Request.Query["nearLimit"], "true", StringComparison.OrdinalIgnoreCase),
            });
            ctx.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        app.MapPost(Root + "/records", (HttpContext ctx) =>
        {
            // ?garbled=PAY-3,INC0010002&unreadable=PAY-5: served so from the next request on; none mends them.
            handle().SetBadRecords(List(ctx, "garbled"), List(ctx, "unreadable"));
            ctx.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        app.MapPost(Root + "/clock", (HttpContext ctx) =>
        {
            handle().AdvanceClock(TimeSpan.FromSeconds(Double(ctx, "advanceSeconds")));
            return JsonOut.WriteAsync(ctx, 200, w =>
            {
                w.WriteStartObject();
                w.WriteString("now", handle().Now.ToString("O", CultureInfo.InvariantCulture));
                w.WriteEndObject();
            });
        });
        app.MapGet(Root + "/requests", (HttpContext ctx) => JsonOut.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartArray();
            foreach (var r in handle().Requests)
            {
                w.WriteStartObject();
                w.WriteString("method", r.Method);
                w.WriteString("path", r.Path);
                w.WriteString("query", r.Query);
                w.WriteNumber("status", r.Status);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }));
        app.MapDelete(Root + "/requests", (HttpContext ctx) =>
        {
            handle().ClearRequests();
            ctx.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
    }

    private static void WriteCounts(Utf8JsonWriter w, SandboxCounts c)
    {
        w.WriteStartObject();
        w.WriteNumber("jira", c.Jira);
        w.WriteNumber("serviceNow", c.ServiceNow);
        w.WriteStartObject("jiraProjects");
        foreach (var (k, v) in c.JiraProjects.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteNumber(k, v);
        }

        w.WriteEndObject();
        w.WriteStartObject("serviceNowTables");
        foreach (var (k, v) in c.ServiceNowTables)
        {
            w.WriteNumber(k, v);
        }

        w.WriteEndObject();
        w.WriteNumber("deleted", c.Deleted);
        w.WriteNumber("edited", c.Edited);
        w.WriteNumber("moved", c.Moved);
        w.WriteEndObject();
    }

    private static Task Keys(HttpContext ctx, string name, IReadOnlyList<string> keys) => JsonOut.WriteAsync(ctx, 200, w =>
    {
        w.WriteStartObject();
        w.WriteStartArray(name);
        foreach (var k in keys)
        {
            w.WriteStringValue(k);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static double Double(HttpContext ctx, string name, double fallback = 0) =>
        double.TryParse(ctx.Request.Query[name].FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : fallback;

    private static IEnumerable<string> List(HttpContext ctx, string name) =>
        ctx.Request.Query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static SandboxSource Source(HttpContext ctx) => (ctx.Request.Query["source"].FirstOrDefault() ?? "").ToLowerInvariant() switch
    {
        "jira" => SandboxSource.Jira,
        "servicenow" => SandboxSource.ServiceNow,
        _ => SandboxSource.Any,
    };
}
