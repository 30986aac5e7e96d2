using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WireMock;

namespace StrategyLayer.Connectors.Jira.Tests.Support;

/// <summary>
/// A Data Center <c>/rest/api/2/search</c> over a list of issues that honours <c>updated &gt;= "…"</c>
/// (profile zone UTC), caps <c>maxResults</c> silently, and refuses <c>startAt</c> ≥ 10,000 as
/// OpenSearch-backed instances do.
/// </summary>
internal sealed partial class FakeDataCenterSearch
{
    private readonly List<(DateTimeOffset Updated, string Json)> _issues;
    private readonly int _cap;

    public FakeDataCenterSearch(IEnumerable<JsonObject> issues, int cap = 1000)
    {
        _issues = issues
            .Select(i => (DateTimeOffset.Parse(i["fields"]!["updated"]!.GetValue<string>().Insert(26, ":"), CultureInfo.InvariantCulture), i.ToJsonString()))
            .OrderBy(i => i.Item1)
            .ToList();
        _cap = cap;
    }

    public List<(string Jql, int StartAt, int MaxResults)> Calls { get; } = [];

    public ResponseMessage Handle(IRequestMessage request)
    {
        var jql = request.Query!["jql"][0];
        var startAt = Number(request, "startAt", 0);
        var maxResults = Math.Min(_cap, Number(request, "maxResults", 50));
        lock (Calls)
        {
            Calls.Add((jql, startAt, maxResults));
        }

        if (startAt + maxResults > 10_000)
        {
            return FakeJira.Json(400, """{"errorMessages":["Result window is too large, from + size must be less than or equal to: [10000]"],"errors":{}}""");
        }

        var bound = Bound().Match(jql) is { Success: true } m
            ? DateTimeOffset.ParseExact(m.Groups[1].Value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : DateTimeOffset.MinValue;
        var matching = _issues.Where(i => i.Updated >= bound).ToList();
        var page = matching.Skip(startAt).Take(maxResults).Select(i => i.Json);
        var body = $"{{\"startAt\":{startAt},\"maxResults\":{maxResults},\"total\":{matching.Count},\"issues\":[{string.Join(",", page)}]}}";
        return FakeJira.Json(200, body);
    }

    private static int Number(IRequestMessage request, string name, int absent) =>
        request.Query!.TryGetValue(name, out var v) ? int.Parse(v[0], CultureInfo.InvariantCulture) : absent;

    [GeneratedRegex("updated >= \"([0-9-]+ [0-9:]+)\"")]
    private static partial Regex Bound();
}
