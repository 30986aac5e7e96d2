using System.Diagnostics;
using System.Text.Json;
using StrategyLayer.Configuration;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store;

namespace StrategyLayer.Cli.Commands;

/// <summary>
/// The I/O floor the full sync is compared with: a plain HttpClient loop fetching the same pages
/// (the same scope, fields and page sizes the connectors ask for, nothing parsed beyond finding the
/// next page), then the store engine writing the documents our sync wrote, the plainest way it can,
/// in the order the pages brought them (<see cref="IStoreBench.MeasureFloorAsync"/>: the engine's
/// own part). Only the HTTP calls and the engine's writes are timed.
/// </summary>
internal static class IoFloor
{
    private const string JiraFields = "summary,description,status,resolution,issuetype,priority,project,assignee,reporter,labels,components,fixVersions,parent,issuelinks,created,updated,resolutiondate,duedate,customfield_10016";

    private const string ServiceNowFields = "sys_id,number,short_description,description,state,active,priority,impact,urgency,category,assignment_group,assigned_to,opened_by,cmdb_ci,business_service,close_code,opened_at,sys_created_on,sys_updated_on,resolved_at,closed_at,start_date,end_date,due_date,parent,parent_incident,problem_id,rfc,caused_by";

    public static async Task<FloorResult> MeasureAsync(ChildSandbox sandbox, AppConfig config, IStoreBench ours, CancellationToken ct)
    {
        var arrival = new List<string>();
        var http = await FetchAsync(sandbox, config, arrival, ct).ConfigureAwait(false);
        var store = await ours.MeasureFloorAsync(arrival, ct).ConfigureAwait(false);
        return new FloorResult(http.TotalSeconds, store.Elapsed.TotalSeconds, store.Documents, store.Engine);
    }

    /// <summary>Fetches every page; <paramref name="arrival"/> gets each item's uid in the order the pages brought it (not timed).</summary>
    private static async Task<TimeSpan> FetchAsync(ChildSandbox sandbox, AppConfig config, List<string> arrival, CancellationToken ct)
    {
        var http = TimeSpan.Zero;
        async Task<JsonDocument> GetAsync(string url)
        {
            var started = Stopwatch.GetTimestamp();
            var bytes = await sandbox.Http.GetByteArrayAsync(url, ct).ConfigureAwait(false);
            var doc = JsonDocument.Parse(bytes);
            http += Stopwatch.GetElapsedTime(started);
            return doc;
        }

        foreach (var source in config.Sources)
        {
            var baseUrl = source.BaseUrl.AbsoluteUri.TrimEnd('/');
            if (source.Type == "jira-cloud")
            {
                var jql = Uri.EscapeDataString("(" + WithoutOrderBy(source.Scope) + ") ORDER BY updated ASC, key ASC");
                string? token = null;
                do
                {
                    using var doc = await GetAsync($"{baseUrl}/rest/api/3/search/jql?jql={jql}&fields={JiraFields}&maxResults={source.PageSize}" + (token is null ? "" : "&nextPageToken=" + Uri.EscapeDataString(token))).ConfigureAwait(false);
                    foreach (var issue in doc.RootElement.GetProperty("issues").EnumerateArray())
                    {
                        arrival.Add(ItemId.Uid(source.Name, issue.GetProperty("id").GetString()!));
                    }

                    token = doc.RootElement.TryGetProperty("nextPageToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                    if (doc.RootElement.TryGetProperty("isLast", out var last) && last.ValueKind == JsonValueKind.True)
                    {
                        token = null;
                    }
                }
                while (token is not null);
            }
            else if (source.Type == "servicenow")
            {
                foreach (var table in source.Tables)
                {
                    var query = Uri.EscapeDataString((string.IsNullOrEmpty(source.Scope) ? "" : source.Scope + "^") + "ORDERBYsys_updated_on^ORDERBYsys_id");
                    for (var offset = 0; ; offset += source.PageSize)
                    {
                        using var doc = await GetAsync($"{baseUrl}/api/now/table/{table}?sysparm_query={query}&sysparm_fields={ServiceNowFields}&sysparm_display_value=all&sysparm_exclude_reference_link=true&sysparm_no_count=true&sysparm_limit={source.PageSize}&sysparm_offset={offset}").ConfigureAwait(false);
                        if (doc.RootElement.GetProperty("result").GetArrayLength() == 0)
                        {
                            break;
                        }

                        foreach (var record in doc.RootElement.GetProperty("result").EnumerateArray())
                        {
                            var sysId = record.GetProperty("sys_id");
                            arrival.Add(ItemId.Uid(source.Name, (sysId.ValueKind == JsonValueKind.Object ? sysId.GetProperty("value") : sysId).GetString()!));
                        }
                    }
                }
            }
        }

        return http;
    }

    private static string WithoutOrderBy(string jql)
    {
        var at = jql.LastIndexOf("ORDER BY", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? jql : jql[..at].Trim();
    }
}

internal sealed record FloorResult(double HttpSeconds, double StoreSeconds, long Documents, string Engine)
{
    public double TotalSeconds => HttpSeconds + StoreSeconds;
}
