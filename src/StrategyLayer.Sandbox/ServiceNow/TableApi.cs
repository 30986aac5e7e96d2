using System.Globalization;
using System.Text;
using StrategyLayer.Sandbox.Data;
using StrategyLayer.Sandbox.Http;

namespace StrategyLayer.Sandbox.ServiceNow;

/// <summary>The ServiceNow Table API (read side) and the OAuth token endpoint.</summary>
internal static class TableApi
{
    private const string Root = VendorGate.ServiceNow + "/api/now/table";

    public static void Map(IEndpointRouteBuilder app, SandboxState state, Func<string> baseUrl)
    {
        app.MapGet(Root + "/{table}", (HttpContext ctx, string table) => ListAsync(ctx, state, baseUrl() + VendorGate.ServiceNow, table));
        app.MapGet(Root + "/{table}/{sysId}", (HttpContext ctx, string table, string sysId) => OneAsync(ctx, state, baseUrl() + VendorGate.ServiceNow, table, sysId));
        app.MapMethods(Root + "/{**rest}", ["POST", "PUT", "PATCH", "DELETE"], (HttpContext ctx) =>
            JsonOut.ServiceNowErrorAsync(ctx, 403, "Operation Failed", "ACL Exception Insert Failed due to security constraints"));
        app.MapPost(VendorGate.ServiceNow + "/oauth_token.do", (HttpContext ctx) => OAuth.TokenAsync(ctx, state));
    }

    private static async Task ListAsync(HttpContext ctx, SandboxState state, string baseUrl, string table)
    {
        if (!TableSearch.Served.Contains(table, StringComparer.OrdinalIgnoreCase))
        {
            await JsonOut.ServiceNowErrorAsync(ctx, 400, "Invalid table " + table, null);
            return;
        }

        var q = ctx.Request.Query;
        var limit = Number(q["sysparm_limit"].FirstOrDefault(), 10_000, 1);
        var offset = Number(q["sysparm_offset"].FirstOrDefault(), 0, 0);
        var result = state.Tables.Run(table, q["sysparm_query"].FirstOrDefault());
        var total = result.Rows.Length;
        var end = (int)Math.Min(total, (long)offset + limit);
        if (!Flag(q["sysparm_no_count"].FirstOrDefault()))
        {
            ctx.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        }

        if (Link(ctx, baseUrl, total, offset, limit) is { } link)
        {
            ctx.Response.Headers["Link"] = link;
        }

        var writer = Writer(ctx, baseUrl, state.Faults);
        await JsonOut.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("result");
            for (var k = offset; k < end; k++)
            {
                writer.Write(w, result.Generate(result.Rows[k]));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }, "application/json;charset=UTF-8");
    }

    private static Task OneAsync(HttpContext ctx, SandboxState state, string baseUrl, string table, string sysId)
    {
        if (!TableSearch.Served.Contains(table, StringComparer.OrdinalIgnoreCase))
        {
            return JsonOut.ServiceNowErrorAsync(ctx, 400, "Invalid table " + table, null);
        }

        ItemKind[] kinds = TableSearch.KindOf(table) is { } kind ? [kind]
            : table.Equals("task", StringComparison.OrdinalIgnoreCase) ? [ItemKind.Incident, ItemKind.Change, ItemKind.Problem]
            : [];
        var item = kinds.Select(k => state.Index.FindServiceNow(k, sysId)).FirstOrDefault(i => i >= 0, -1);
        if (item < 0 || !SysIds.Of(state.Index.Seed, item).Equals(sysId, StringComparison.OrdinalIgnoreCase))
        {
            return JsonOut.ServiceNowErrorAsync(ctx, 404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
        }

        var writer = Writer(ctx, baseUrl, state.Faults);
        return JsonOut.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("result");
            writer.Write(w, ServiceNowGenerator.Generate(state.Index, item));
            w.WriteEndObject();
        });
    }

    private static SnRecordWriter Writer(HttpContext ctx, string baseUrl, SandboxFaults faults)
    {
        var q = ctx.Request.Query;
        var mode = (q["sysparm_display_value"].FirstOrDefault() ?? "false").ToLowerInvariant() switch
        {
            "true" => DisplayMode.Display,
            "all" => DisplayMode.All,
            _ => DisplayMode.Value,
        };
        var fields = q["sysparm_fields"].FirstOrDefault() is { Length: > 0 } f
            ? f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;
        return new SnRecordWriter(baseUrl, mode, Flag(q["sysparm_exclude_reference_link"].FirstOrDefault()), fields, faults);
    }

    private static string? Link(HttpContext ctx, string baseUrl, int total, int offset, int limit)
    {
        if (offset == 0 && total <= limit)
        {
            return null;
        }

        string Url(long at)
        {
            var sb = new StringBuilder(baseUrl).Append(ctx.Request.Path.Value![VendorGate.ServiceNow.Length..]).Append('?');
            var first = true;
            foreach (var (key, values) in ctx.Request.Query.Where(p => p.Key is not ("sysparm_offset" or "sysparm_limit")))
            {
                foreach (var v in values)
                {
                    sb.Append(first ? "" : "&").Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(v ?? ""));
                    first = false;
                }
            }

            sb.Append(first ? "" : "&").Append("sysparm_limit=").Append(limit.ToString(CultureInfo.InvariantCulture));
            sb.Append("&sysparm_offset=").Append(at.ToString(CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        var links = new List<string> { "<" + Url(0) + ">;rel=\"first\"" };
        if (offset > 0)
        {
            links.Add("<" + Url(Math.Max(0, offset - limit)) + ">;rel=\"prev\"");
        }

        if ((long)offset + limit < total)
        {
            links.Add("<" + Url((long)offset + limit) + ">;rel=\"next\"");
        }

        links.Add("<" + Url(total == 0 ? 0 : (total - 1) / limit * (long)limit) + ">;rel=\"last\"");
        return string.Join(",", links);
    }

    private static int Number(string? raw, int fallback, int min) =>
        int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min ? n : fallback;

    private static bool Flag(string? raw) => string.Equals(raw, "true", StringComparison.OrdinalIgnoreCase);
}
