using System.Globalization;
using RestSharp;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Connectors.Http;

namespace StrategyLayer.Connectors.ServiceNow;

internal sealed partial class ServiceNowClient
{
    /// <summary>
    /// One row of the change query, asked with the count on: the answer's <c>X-Total-Count</c> is the
    /// number of rows the change paging will read (the paging itself turns the count off).
    /// </summary>
    public async Task<long?> CountChangesAsync(string partition, SyncCursor? cursor, CancellationToken cancellationToken)
    {
        var table = RequireTable(partition);
        if (_oauth is not null)
        {
            await _oauth.EnsureAsync(cancellationToken).ConfigureAwait(false);
        }

        string? condition = cursor is null
            ? null
            : "sys_updated_on>=" + EncodedQuery.FormatDate(cursor.Mark - DateTimeOffset.MinValue > _settings.Overlap ? cursor.Mark - _settings.Overlap : DateTimeOffset.MinValue);
        var request = new RestRequest("api/now/table/{table}", Method.Get);
        request.AddUrlSegment("table", table);
        request.AddQueryParameter("sysparm_query", EncodedQuery.Combine(_settings.Scope, condition));
        request.AddQueryParameter("sysparm_fields", "sys_id");
        request.AddQueryParameter("sysparm_limit", "1");
        request.AddHeader("Accept", "application/json");
        var response = await _http.SendAsync(request, $"table {table}, count", cancellationToken).ConfigureAwait(false);
        return long.TryParse(RetryAfter.Header(response, "X-Total-Count"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var total) ? total : null;
    }
}
