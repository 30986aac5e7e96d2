using StrategyLayer.Connectors.Jira.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace StrategyLayer.Connectors.Jira.Tests;

/// <summary>
/// Runs last (see <see cref="ReadOnlyLastOrderer"/>): audits every request any WireMock server of
/// the suite received, after a tour of every entry point of both flavours of its own.
/// </summary>
public class ReadOnlyTests : IClassFixture<JiraServerFixture>
{
    private static readonly string[] ReadPosts = ["/rest/api/3/search/jql", "/rest/api/3/search/approximate-count", "/rest/api/3/issue/bulkfetch"];

    private readonly JiraServerFixture _fixture;
    private readonly ITestOutputHelper _output;

    public ReadOnlyTests(JiraServerFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task Every_request_of_the_whole_suite_was_a_get_or_a_read_post()
    {
        await TourAsync(cloud: true);
        await TourAsync(cloud: false);
        var own = _fixture.Server.LogEntries.Select(e => new JournalEntry(_fixture.Server.Urls[0], e.RequestMessage.Method, e.RequestMessage.Path));
        var all = WireMockJournal.All.Concat(own).ToList();
        _output.WriteLine($"{all.Count} requests audited from {all.Select(e => e.Server).Distinct().Count()} servers");

        Assert.Contains(all, e => e.Method == "GET");
        Assert.Contains(all, e => e.Method == "POST");
        var writes = all.Where(e => !(e.Method == "GET" || (e.Method == "POST" && ReadPosts.Any(p => e.Path.EndsWith(p, StringComparison.Ordinal))))).ToList();
        Assert.True(writes.Count == 0, "requests that are not reads: " + string.Join(", ", writes.Select(w => $"{w.Method} {w.Path}")));
        var oldSearchOnCloud = all.Where(e => e.Path.StartsWith("/cloud-", StringComparison.Ordinal)
            && (e.Path.EndsWith("/rest/api/3/search", StringComparison.Ordinal) || e.Path.EndsWith("/rest/api/2/search", StringComparison.Ordinal))).ToList();
        Assert.True(oldSearchOnCloud.Count == 0, "Cloud was asked the removed /search: " + string.Join(", ", oldSearchOnCloud.Select(w => w.Path)));
    }

    private async Task TourAsync(bool cloud)
    {
        var jira = _fixture.NewJira(cloud ? "cloud" : "dc").Myself("Europe/Lisbon");
        var issues = new[] { IssueJson.Issue("1", "PAY-1", "2026-11-20T10:00:00.000+0000"), IssueJson.Issue("2", "PAY-2", "2026-11-20T10:01:00.000+0000") };
        if (cloud)
        {
            jira.CloudPages(issues);
            jira.Post("/rest/api/3/issue/bulkfetch", _ => FakeJira.Json(200, """{"issues":[],"issueErrors":[]}"""));
        }
        else
        {
            var search = new FakeDataCenterSearch(issues);
            jira.Get("/rest/api/2/search", search.Handle).Get("/rest/api/2/field", _ => FakeJira.Json(200, "[]"));
            jira.Get("/rest/api/2/issue/9", _ => FakeJira.Json(404, """{"errorMessages":["Issue Does Not Exist"]}"""));
        }

        await using var source = jira.Create(jira.Settings(cloud));
        var pages = await source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync();
        await source.ReadChangesAsync("", pages[^1].Cursor, CancellationToken.None).ToListAsync();
        await source.ListScopeAsync("", CancellationToken.None).ToListAsync();
        await source.ClassifyMissingAsync("", ["9"], CancellationToken.None);
        await source.ReadDeletionsAsync("", DateTimeOffset.UnixEpoch, CancellationToken.None).ToListAsync();
        Assert.Empty(await source.ValidateOnlineAsync(CancellationToken.None));
        Assert.NotEmpty(jira.Requests);
    }
}
