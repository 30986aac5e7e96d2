using System.Text.Json;
using RestSharp;
using StrategyLayer.Connectors.Contract;

namespace StrategyLayer.Connectors.Jira;

internal sealed partial class JiraClient
{
    /// <summary>
    /// Cloud: <c>POST search/approximate-count</c> (a read) with the JQL the change search will run;
    /// Data Center: the same search with <c>maxResults=0</c>, whose answer carries <c>total</c>.
    /// </summary>
    public async Task<long?> CountChangesAsync(string partition, SyncCursor? cursor, CancellationToken cancellationToken)
    {
        var (zone, _) = await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var since = Since(cursor);
        var condition = since is { } s ? Jql.UpdatedSince(s, zone) : null;
        RestRequest request;
        string property;
        if (_flavor == JiraFlavor.Cloud)
        {
            // The count endpoint takes no ORDER BY.
            var body = new Dictionary<string, object> { ["jql"] = Jql.Build(_settings.Scope, "", condition) };
            request = new RestRequest("rest/api/3/search/approximate-count", Method.Post).AddStringBody(JsonSerializer.Serialize(body), ContentType.Json);
            property = "count";
        }
        else
        {
            request = new RestRequest("rest/api/2/search")
                .AddQueryParameter("jql", Jql.Build(_settings.Scope, Jql.ChangeOrder, condition))
                .AddQueryParameter("maxResults", "0")
                .AddQueryParameter("fields", "id");
            property = "total";
        }

        var response = await _http.SendAsync(request, "count", cancellationToken).ConfigureAwait(false);
        using var doc = Parse(response, "count");
        return doc.RootElement.ValueKind == JsonValueKind.Object
            && doc.RootElement.TryGetProperty(property, out var value)
            && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt64(out var count)
            ? count
            : null;
    }
}
