using System.Runtime.CompilerServices;
using System.Text.Json;
using RestSharp;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Connectors.Jira;

internal sealed partial class JiraClient
{
    /// <summary>
    /// Cloud: POST <c>/rest/api/3/issue/bulkfetch</c> by ids or keys (it leaves out issues that are
    /// deleted or no longer visible); Data Center: GET <c>/rest/api/2/issue/{id}</c> one by one (404 when
    /// gone). Each issue is read as a search page's would be, with the same fields.
    /// </summary>
    public async IAsyncEnumerable<RereadBatch> RereadAsync(
        string partition,
        IReadOnlyList<string> ids,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (_, reader) = await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var fields = reader.RequestedFields();
        if (_flavor == JiraFlavor.Cloud)
        {
            var batch = 0;
            foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(_options.BulkFetchSize))
            {
                var where = $"bulkfetch {++batch}";
                var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["issueIdsOrKeys"] = chunk, ["fields"] = fields });
                var request = new RestRequest("rest/api/3/issue/bulkfetch", Method.Post).AddStringBody(body, ContentType.Json);
                var response = await _http.SendJsonAsync(request, where, cancellationToken).ConfigureAwait(false);
                using var doc = Parse(response, where);
                yield return Reread(reader, chunk, Issues(doc.RootElement, where), partition, where);
            }

            yield break;
        }

        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var where = $"issue {id}";
            var request = new RestRequest(Api + "/issue/{id}").AddUrlSegment("id", id).AddQueryParameter("fields", string.Join(",", fields));
            var response = await GetIssueAsync(request, where, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                yield return new RereadBatch([], [], [id]);
                continue;
            }

            using var doc = Parse(response, where);
            yield return Reread(reader, [id], [doc.RootElement], partition, where);
        }
    }

    /// <summary>One issue by id; null when Data Center answers 404 (deleted, or no longer visible to us: it says the same for both).</summary>
    private async Task<RestResponse?> GetIssueAsync(RestRequest request, string where, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, where, cancellationToken).ConfigureAwait(false);
        }
        catch (SourceException e) when (e.StatusCode == 404)
        {
            return null;
        }
    }

    private RereadBatch Reread(IssueReader reader, IReadOnlyList<string> asked, IReadOnlyList<JsonElement> issues, string partition, string where)
    {
        var records = new List<SourceRecord>();
        var quarantined = new List<QuarantinedRecord>();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var issue in issues)
        {
            foreach (var name in (string[])["id", "key"])
            {
                if (IssueReader.Text(issue, name) is { } value)
                {
                    found.Add(value);
                }
            }

            var (record, bad) = reader.ReadLeniently(issue, Name, null, where);
            if (record is not null)
            {
                records.Add(record);
            }
            else if (bad is not null)
            {
                _log.Warning("Still unreadable: {Key} from {Where}: {Reason}", bad.Key ?? bad.SourceId ?? "?", where, bad.Reason);
                quarantined.Add(bad with { Partition = partition });
            }
        }

        return new RereadBatch(records, quarantined, [.. asked.Where(id => !found.Contains(id))]);
    }
}
