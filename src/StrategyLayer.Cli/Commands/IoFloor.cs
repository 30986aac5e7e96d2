using System.Diagnostics;
using System.Text;
using System.Text.Json;
using LiteDB;
using StrategyLayer.Configuration;

namespace StrategyLayer.Cli.Commands;

/// <summary>
/// The I/O floor the full sync is compared with: a plain HttpClient loop fetching the same pages
/// (the same scope, fields and page sizes the connectors ask for), and LiteDB writing two documents
/// per item (the item and its raw record, as our sync does) in one transaction per page. Nothing
/// is normalized, hashed or compared: what remains is the cost of the wire and the disk.
/// </summary>
public static class IoFloor
{
    private static readonly string JiraFields = "summary,description,status,resolution,issuetype,priority,project,assignee,reporter,labels,components,fixVersions,parent,issuelinks,created,updated,resolutiondate,duedate,customfield_10016";

    private static readonly string ServiceNowFields = "sys_id,number,short_description,description,state,active,priority,impact,urgency,category,assignment_group,assigned_to,opened_by,cmdb_ci,business_service,close_code,opened_at,sys_created_on,sys_updated_on,resolved_at,closed_at,start_date,end_date,due_date,parent,parent_incident,problem_id,rfc,caused_by";

    public static async Task<FloorResult> MeasureAsync(ChildSandbox sandbox, AppConfig config, string dbPath, CancellationToken ct)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = dbPath, Connection = ConnectionType.Direct });
        var items = db.GetCollection("items");
        var raw = db.GetCollection("raw");
        items.EnsureIndex("key");
        var http = TimeSpan.Zero;
        var lite = TimeSpan.Zero;
        long documents = 0;

        void Write(List<(string Id, string Key, string Json)> page)
        {
            var started = Stopwatch.GetTimestamp();
            db.BeginTrans();
            foreach (var (id, key, json) in page)
            {
                items.Upsert(new BsonDocument { ["_id"] = id, ["key"] = key, ["j"] = json });
                raw.Upsert(new BsonDocument { ["_id"] = id, ["z"] = Encoding.UTF8.GetBytes(json) });
            }

            db.Commit();
            documents += page.Count * 2;
            lite += Stopwatch.GetElapsedTime(started);
        }

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
                    Write(doc.RootElement.GetProperty("issues").EnumerateArray().Select(i => (source.Name + "/" + i.GetProperty("id").GetString(), i.GetProperty("key").GetString()!, i.GetRawText())).ToList());
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
                        var rows = doc.RootElement.GetProperty("result").EnumerateArray().Select(r => (source.Name + "/" + r.GetProperty("sys_id").GetProperty("value").GetString(), r.GetProperty("number").GetProperty("value").GetString()!, r.GetRawText())).ToList();
                        if (rows.Count == 0)
                        {
                            break;
                        }

                        Write(rows);
                    }
                }
            }
        }

        return new FloorResult(http.TotalSeconds, lite.TotalSeconds, documents);
    }

    private static string WithoutOrderBy(string jql)
    {
        var at = jql.LastIndexOf("ORDER BY", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? jql : jql[..at].Trim();
    }
}

public sealed record FloorResult(double HttpSeconds, double LiteDbSeconds, long Documents)
{
    public double TotalSeconds => HttpSeconds + LiteDbSeconds;
}
