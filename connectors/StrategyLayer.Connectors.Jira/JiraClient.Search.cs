using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using RestSharp;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Connectors.Jira;

internal sealed partial class JiraClient
{
    /// <summary>OpenSearch's max_result_window: startAt + maxResults beyond it is refused.</summary>
    private const int MaxResultWindow = 10_000;

    /// <summary>
    /// Cloud: POST <c>/rest/api/3/search/jql</c> paged by <c>nextPageToken</c> until <c>isLast</c> or no
    /// token. There is no total; the old <c>/search</c> answers 410 on Cloud and is never called.
    /// </summary>
    private async IAsyncEnumerable<SearchPage> CloudSearchAsync(
        string jql,
        IReadOnlyList<string> fields,
        int maxResults,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Task<RestResponse> Send(string? token, int number)
        {
            var body = new Dictionary<string, object> { ["jql"] = jql, ["fields"] = fields, ["maxResults"] = maxResults };
            if (token is not null)
            {
                body["nextPageToken"] = token;
            }

            var request = new RestRequest("rest/api/3/search/jql", Method.Post).AddStringBody(JsonSerializer.Serialize(body), ContentType.Json);
            return _http.SendJsonAsync(request, $"search page {number}", cancellationToken);
        }

        // The next page is asked for as soon as this one's token is read, so Jira works on it while
        // this one is normalized and stored.
        string? token = null;
        Task<RestResponse>? pending = Send(null, 1);
        try
        {
            for (var number = 1; ; number++)
            {
                var where = $"search page {number}";
                var answer = pending;
                pending = null;
                var response = await answer!.ConfigureAwait(false);
                // The page's issues point into this document: it lives until the caller asks for the next page.
                using var doc = Parse(response, where);
                var issues = Issues(doc.RootElement, where);
                var next = IssueReader.Text(doc.RootElement, "nextPageToken");
                var isLast = IssueReader.Prop(doc.RootElement, "isLast").ValueKind == JsonValueKind.True;

                var done = isLast || string.IsNullOrEmpty(next) || next == token;
                if (!done)
                {
                    token = next;
                    pending = Send(token, number + 1);
                }

                yield return new SearchPage(number, where, issues);
                if (done)
                {
                    yield break;
                }
            }
        }
        finally
        {
            // A reader that stops early leaves one request in flight: its answer is dropped unread.
            pending?.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Data Center: GET <c>/rest/api/2/search</c> by <c>startAt</c>, advancing by what came back (the
    /// server lowers <c>maxResults</c> silently). Ordered by <c>updated</c>, so when <c>startAt</c> would
    /// reach <see cref="JiraOptions.SliceLimit"/> a new slice starts at the last minute seen: OpenSearch
    /// refuses <c>startAt</c> ≥ 10,000. Issues of that minute come again and are de-duplicated upstream.
    /// </summary>
    private async IAsyncEnumerable<SearchPage> DataCenterSearchAsync(
        string scope,
        DateTimeOffset? since,
        TimeZoneInfo zone,
        IReadOnlyList<string> fields,
        int maxResults,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var bound = since is { } s ? Jql.Minute(s, zone) : null;
        var startAt = 0;
        var total = int.MaxValue;
        DateTimeOffset? lastUpdated = null;
        for (var number = 1; ; number++)
        {
            if (startAt >= _options.SliceLimit || (startAt > 0 && startAt + maxResults > MaxResultWindow))
            {
                var next = lastUpdated is { } u ? Jql.Minute(u, zone) : null;
                if (next is null || next == bound)
                {
                    throw new SourceException(
                        Name,
                        $"more than {_options.SliceLimit} issues were updated in the minute {bound}: the search cannot page past them (raise the sliceLimit option if this Jira allows deeper paging)",
                        $"search startAt={startAt}");
                }

                _log.Information("Starting a new search slice at {Bound} after {Count} issues", next, startAt);
                bound = next;
                startAt = 0;
            }

            var jql = Jql.Build(_settings.Scope, Jql.ChangeOrder, bound is null ? null : $"updated >= \"{bound}\"");
            var request = new RestRequest("rest/api/2/search")
                .AddQueryParameter("jql", jql)
                .AddQueryParameter("startAt", startAt.ToString(CultureInfo.InvariantCulture))
                .AddQueryParameter("maxResults", maxResults.ToString(CultureInfo.InvariantCulture))
                .AddQueryParameter("fields", string.Join(",", fields));
            var where = bound is null ? $"search startAt={startAt}" : $"search since {bound} startAt={startAt}";
            var response = await _http.SendJsonAsync(request, where, cancellationToken).ConfigureAwait(false);
            // The page's issues point into this document: it lives until the caller asks for the next page.
            using var doc = Parse(response, where);
            var issues = Issues(doc.RootElement, where);
            if (IssueReader.Prop(doc.RootElement, "total").TryGetInt32Safe() is { } t)
            {
                total = t;
            }

            yield return new SearchPage(number, where, issues);
            startAt += issues.Count;
            if (issues.Count == 0 || startAt >= total)
            {
                yield break;
            }

            foreach (var issue in issues)
            {
                if (JiraDates.TryParse(IssueReader.Text(IssueReader.Prop(issue, "fields"), "updated"), out var updated)
                    && (lastUpdated is null || updated > lastUpdated))
                {
                    lastUpdated = updated;
                }
            }
        }
    }

    private List<JsonElement> Issues(JsonElement root, string where)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("issues", out var issues) || issues.ValueKind != JsonValueKind.Array)
        {
            throw new SourceException(Name, $"the answer to {where} has no issues array", where);
        }

        return issues.EnumerateArray().ToList();
    }
}
