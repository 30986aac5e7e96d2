using System.Text.Json.Nodes;
using StrategyLayer.Connectors.Jira.Tests.Support;
using StrategyLayer.Connectors.Text;
using Xunit;

namespace StrategyLayer.Connectors.Jira.Tests;

/// <summary>Issues as Jira (Java) can write them: a lone UTF-16 surrogate escaped in valid JSON, and issues that cannot be read at all.</summary>
public class TextAsItComesTests : IClassFixture<JiraServerFixture>
{
    private const string Surrogate = "LONE-SURROGATE";
    private readonly JiraServerFixture _fixture;

    public TextAsItComesTests(JiraServerFixture fixture) => _fixture = fixture;

    /// <summary>Cloud search pages whose text may carry <see cref="Surrogate"/>, sent as the escape <c>\ud800</c>.</summary>
    private static FakeJira CloudPages(FakeJira jira, params IReadOnlyList<JsonObject>[] pages) => jira.Post("/rest/api/3/search/jql", req =>
    {
        var token = JsonNode.Parse(req.Body!)!["nextPageToken"]?.GetValue<string>();
        var index = token is null ? 0 : int.Parse(token[1..], System.Globalization.CultureInfo.InvariantCulture);
        var last = index >= pages.Length - 1;
        return FakeJira.Json(200, IssueJson.CloudPage(pages[index], last ? null : "p" + (index + 1), last).Replace(Surrogate, "\\ud800", StringComparison.Ordinal));
    });

    [Fact]
    public async Task A_lone_surrogate_in_a_summary_is_stored_as_U_FFFD_and_named_with_its_field_and_page()
    {
        var jira = CloudPages(
            _fixture.NewJira("cloud").Myself("UTC"),
            [IssueJson.Issue("1001", "PAY-1", "2026-11-20T10:00:00.000+0000")],
            [
                IssueJson.Issue("1002", "PAY-2", "2026-11-20T10:01:00.000+0000", "Card vault " + Surrogate + " migration", f => f["labels"] = new JsonArray("pci", "x" + Surrogate)),
                IssueJson.Issue("1003", "PAY-3", "2026-11-20T10:02:00.000+0000"),
            ]);
        await using var source = jira.Create(jira.Settings(cloud: true));

        var pages = await source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync();

        var records = pages.SelectMany(p => p.Records).ToList();
        Assert.Equal(["PAY-1", "PAY-2", "PAY-3"], records.Select(r => r.Item.Key));
        var bad = records[1];
        Assert.Equal("Card vault \uFFFD migration", bad.Item.Title);
        Assert.Equal(["pci", "x\uFFFD"], bad.Item.Labels);
        Assert.Equal(["summary", "labels[1]"], bad.Replaced.Select(r => r.Field));
        Assert.All(bad.Replaced, r => Assert.Equal(2, r.Page));
        Assert.All(bad.Replaced, r => Assert.Equal(LenientJson.LoneSurrogate, r.Problem));
        Assert.Equal("Card vault \uFFFD migration", System.Text.Json.JsonDocument.Parse(bad.RawJson).RootElement.GetProperty("fields").GetProperty("summary").GetString());
        Assert.Empty(records[0].Replaced);
        Assert.Empty(records[2].Replaced);
        Assert.All(pages, p => Assert.Empty(p.Quarantined));
    }

    [Fact]
    public async Task An_issue_that_cannot_be_read_is_quarantined_with_its_key_and_page_and_the_page_goes_on()
    {
        var jira = CloudPages(
            _fixture.NewJira("cloud").Myself("UTC"),
            [IssueJson.Issue("1001", "PAY-1", "2026-11-20T10:00:00.000+0000")],
            [
                IssueJson.Issue("1002", "PAY-2", "2026-11-20T10:01:00.000+0000", "Bad " + Surrogate, f => f["updated"] = "last tuesday"),
                IssueJson.Issue("1003", "PAY-3", "2026-11-20T10:02:00.000+0000", fields: f => f["priority"] = new JsonObject { ["id"] = "99999999999999999999" }),
                IssueJson.Issue("1004", "PAY-4", "2026-11-20T10:03:00.000+0000"),
            ]);
        await using var source = jira.Create(jira.Settings(cloud: true));

        var pages = await source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync();

        Assert.Equal(["PAY-1", "PAY-3", "PAY-4"], pages.SelectMany(p => p.Records).Select(r => r.Item.Key));
        var quarantined = Assert.Single(pages.SelectMany(p => p.Quarantined));
        Assert.Equal("PAY-2", quarantined.Key);
        Assert.Equal("1002", quarantined.SourceId);
        Assert.Equal(2, quarantined.Page);
        Assert.Contains("search page 2", quarantined.Reason, StringComparison.Ordinal);
        Assert.Contains("last tuesday", quarantined.Reason, StringComparison.Ordinal);
        Assert.Contains("Bad \\uFFFD", quarantined.RawJson, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 3, 0, TimeSpan.Zero), pages[^1].Cursor.Mark);
    }

    [Fact]
    public async Task Cloud_reads_records_again_by_id_through_bulkfetch_and_names_the_ones_gone()
    {
        var jira = _fixture.NewJira("cloud").Myself("UTC");
        jira.Post("/rest/api/3/issue/bulkfetch", req =>
        {
            var asked = JsonNode.Parse(req.Body!)!["issueIdsOrKeys"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            var issues = new JsonArray();
            if (asked.Contains("1002"))
            {
                issues.Add(IssueJson.Issue("1002", "PAY-2", "2026-11-20T10:01:00.000+0000", "Mended"));
            }

            if (asked.Contains("PAY-5"))
            {
                issues.Add(IssueJson.Issue("1005", "PAY-5", "2026-11-20T10:01:00.000+0000", "Still " + Surrogate));
            }

            return FakeJira.Json(200, new JsonObject { ["issues"] = issues, ["issueErrors"] = new JsonArray() }.ToJsonString().Replace(Surrogate, "\\ud800", StringComparison.Ordinal));
        });
        await using var source = jira.Create(jira.Settings(cloud: true));

        var batches = await source.RereadAsync("", ["1002", "1009", "PAY-5"], CancellationToken.None).ToListAsync();

        var batch = Assert.Single(batches);
        Assert.Equal(["PAY-2", "PAY-5"], batch.Records.Select(r => r.Item.Key));
        Assert.Equal("Mended", batch.Records[0].Item.Title);
        Assert.Empty(batch.Records[0].Replaced);
        Assert.Equal("summary", Assert.Single(batch.Records[1].Replaced).Field);
        Assert.Null(batch.Records[1].Replaced[0].Page);
        Assert.Equal(["1009"], batch.Missing);
        var body = JsonNode.Parse(jira.RequestsTo("/rest/api/3/issue/bulkfetch")[0].RequestMessage.Body!)!;
        Assert.Contains("summary", body["fields"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Data_Center_reads_records_again_one_by_one_and_a_404_means_gone()
    {
        var jira = _fixture.NewJira("dc").Myself("UTC");
        jira.Get("/rest/api/2/field", _ => FakeJira.Json(200, "[]"));
        jira.Get("/rest/api/2/issue/2001", _ => FakeJira.Json(200, IssueJson.Issue("2001", "OPS-1", "2026-11-20T10:01:00.000+0000", "Mended").ToJsonString()));
        jira.Get("/rest/api/2/issue/2002", _ => FakeJira.Json(404, """{"errorMessages":["Issue Does Not Exist"],"errors":{}}"""));
        await using var source = jira.Create(jira.Settings(cloud: false));

        var batches = await source.RereadAsync("", ["2001", "2002"], CancellationToken.None).ToListAsync();

        Assert.Equal("OPS-1", Assert.Single(batches.SelectMany(b => b.Records)).Item.Key);
        Assert.Equal(["2002"], batches.SelectMany(b => b.Missing));
        Assert.Contains("summary", jira.RequestsTo("/rest/api/2/issue/2001")[0].RequestMessage.Query!["fields"][0], StringComparison.Ordinal);
    }
}
