using System.Text.Json;
using RestSharp;
using Serilog;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Connectors.Http;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Connectors.ServiceNow;

/// <summary>
/// The ServiceNow Table API as an <see cref="IWorkSource"/>: one partition per table. Read-only:
/// it sends GETs, plus the POST to /oauth_token.do that OAuth needs.
/// </summary>
internal sealed partial class ServiceNowClient : IWorkSource
{
    private readonly SourceSettings _settings;
    private readonly ServiceNowOptions _options;
    private readonly ILogger _log;
    private readonly OAuthToken? _oauth;
    private readonly SourceHttp _http;
    private readonly ItemNormalizer _normalizer;

    public ServiceNowClient(SourceSettings settings, ServiceNowOptions options, ILogger log, TimeProvider time)
    {
        _settings = settings;
        _options = options;
        _log = log.ForContext("Source", settings.Name);
        _normalizer = new ItemNormalizer(settings);
        if (settings.Auth.Kind == AuthKind.OAuth)
        {
            _oauth = new OAuthToken(settings, log, time);
            _http = new SourceHttp(settings, log, time, ServiceNowError.Describe, _oauth, _oauth.RefreshAsync);
        }
        else
        {
            _http = new SourceHttp(settings, log, time, ServiceNowError.Describe);
        }
    }

    public string Name => _settings.Name;

    public IReadOnlyList<string> Partitions => _options.Tables;

    /// <summary>Requests sent so far, retries included.</summary>
    public long Requests => _http.Requests;

    /// <summary>
    /// One GET of a table's rows. The answer's <c>result</c> array comes back in a document the
    /// caller disposes. Link and X-Total-Count are ignored: callers page until an empty answer.
    /// </summary>
    private async Task<TablePage> GetRowsAsync(string table, string query, string fields, bool display, int limit, string where, CancellationToken cancellationToken)
    {
        if (_oauth is not null)
        {
            await _oauth.EnsureAsync(cancellationToken).ConfigureAwait(false);
        }

        var request = new RestRequest("api/now/table/{table}", Method.Get);
        request.AddUrlSegment("table", table);
        request.AddQueryParameter("sysparm_query", query);
        request.AddQueryParameter("sysparm_fields", fields);
        request.AddQueryParameter("sysparm_display_value", display ? "all" : "false");
        request.AddQueryParameter("sysparm_exclude_reference_link", "true");
        request.AddQueryParameter("sysparm_no_count", "true");
        request.AddQueryParameter("sysparm_limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.AddHeader("Accept", "application/json");

        var response = await _http.SendJsonAsync(request, where, cancellationToken).ConfigureAwait(false);
        JsonDocument doc;
        try
        {
            doc = SourceHttp.ParseJson(response);
        }
        catch (JsonException e)
        {
            throw new SourceException(Name, $"the answer is not JSON ({e.Message})", where, (int)response.StatusCode, e);
        }

        if (doc.RootElement.ValueKind != JsonValueKind.Object
            || !doc.RootElement.TryGetProperty("result", out var result)
            || result.ValueKind != JsonValueKind.Array)
        {
            doc.Dispose();
            throw new SourceException(Name, "the answer has no 'result' array", where, (int)response.StatusCode);
        }

        return new TablePage(doc, result, ServerTime(response));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _oauth?.Dispose();
        await ValueTask.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>The instance's own clock: its answer's <c>Date</c> header (RFC 1123), null when absent or unreadable.</summary>
    private static DateTimeOffset? ServerTime(RestResponse response) =>
        RetryAfter.Header(response, "Date") is { } date
        && DateTimeOffset.TryParseExact(date, "r", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    /// <summary>One answer's rows (disposing it frees the parsed JSON), and the instance's clock when it answered.</summary>
    private sealed class TablePage(JsonDocument document, JsonElement rows, DateTimeOffset? serverTime) : IDisposable
    {
        public JsonElement Rows { get; } = rows;

        public DateTimeOffset? ServerTime { get; } = serverTime;

        public int Count => Rows.GetArrayLength();

        public void Dispose() => document.Dispose();
    }
}
