using System.Runtime.CompilerServices;
using System.Text.Json;
using RestSharp;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Connectors.Jira;

internal sealed partial class JiraClient
{
    public async IAsyncEnumerable<IReadOnlyList<ScopeEntry>> ListScopeAsync(
        string partition,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (zone, _) = await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var pages = _flavor == JiraFlavor.Cloud
            ? CloudSearchAsync(Jql.Build(_settings.Scope, "ORDER BY key ASC"), ["key"], _options.ScopePageSize ?? 5000, cancellationToken)
            : DataCenterSearchAsync(_settings.Scope, null, zone, ["key", "updated"], _options.ScopePageSize ?? 1000, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            var entries = new List<ScopeEntry>(page.Issues.Count);
            foreach (var issue in page.Issues)
            {
                if (IssueReader.Text(issue, "id") is { } id && IssueReader.Text(issue, "key") is { } key && seen.Add(id))
                {
                    entries.Add(new ScopeEntry(id, key));
                }
            }

            if (entries.Count > 0)
            {
                yield return entries;
            }
        }
    }

    public async Task<IReadOnlyDictionary<string, RemovalReason>> ClassifyMissingAsync(
        string partition,
        IReadOnlyList<string> sourceIds,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, RemovalReason>(StringComparer.Ordinal);
        if (_flavor == JiraFlavor.Cloud)
        {
            // bulkfetch silently omits issues that are deleted or that we may no longer see.
            foreach (var chunk in sourceIds.Chunk(_options.BulkFetchSize))
            {
                var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["issueIdsOrKeys"] = chunk, ["fields"] = new[] { "key" } });
                var request = new RestRequest("rest/api/3/issue/bulkfetch", Method.Post).AddStringBody(body, ContentType.Json);
                var response = await _http.SendJsonAsync(request, "bulkfetch", cancellationToken).ConfigureAwait(false);
                using var doc = Parse(response, "bulkfetch");
                var found = Issues(doc.RootElement, "bulkfetch").Select(i => IssueReader.Text(i, "id")).OfType<string>().ToHashSet();
                foreach (var id in chunk)
                {
                    result[id] = found.Contains(id) ? RemovalReason.OutOfScope : RemovalReason.Deleted;
                }
            }

            return result;
        }

        foreach (var id in sourceIds)
        {
            var request = new RestRequest(Api + "/issue/{id}").AddUrlSegment("id", id).AddQueryParameter("fields", "key");
            try
            {
                await _http.SendAsync(request, $"issue {id}", cancellationToken).ConfigureAwait(false);
                result[id] = RemovalReason.OutOfScope;
            }
            catch (SourceException e) when (e.StatusCode == 404)
            {
                result[id] = RemovalReason.Deleted;
            }
        }

        return result;
    }

    /// <summary>Jira has no REST resource for deleted issues: deletions are found by <see cref="ListScopeAsync"/>.</summary>
    public IAsyncEnumerable<DeletionBatch> ReadDeletionsAsync(string partition, DateTimeOffset since, CancellationToken cancellationToken) =>
        AsyncEnumerable.Empty<DeletionBatch>();
}
