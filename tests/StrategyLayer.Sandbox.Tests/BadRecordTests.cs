using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace StrategyLayer.Sandbox.Tests;

/// <summary>Records served as real instances have served them, switched on and off through the control API (their own sandbox: they change it).</summary>
public class BadRecordTests(BadRecordTests.Fixture fx) : IClassFixture<BadRecordTests.Fixture>
{
    public class Fixture : SandboxFixture
    {
        // An instance whose clock is years behind this machine's.
        protected override SandboxOptions Options => new() { Size = "small", Seed = 7, Now = new DateTimeOffset(2020, 3, 2, 12, 0, 0, TimeSpan.Zero) };
    }

    private async Task<byte[]> BytesAsync(string url)
    {
        using var response = await fx.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task SetAsync(string query)
    {
        using var response = await fx.Http.PostAsync(fx.Sandbox.BaseUrl + "/_sandbox/records" + query, null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Records_are_served_cleanly_until_switched_and_cleanly_again_once_mended()
    {
        var issueUrl = fx.Sandbox.JiraCloudUrl + "/rest/api/3/issue/PAY-3?fields=summary,created";
        var incidentUrl = fx.Sandbox.ServiceNowUrl + "/api/now/table/incident?sysparm_query=number%3DINC0010002&sysparm_display_value=all";
        var cleanIssue = await BytesAsync(issueUrl);
        var cleanIncident = await BytesAsync(incidentUrl);
        Assert.DoesNotContain("\\ud800", Encoding.UTF8.GetString(cleanIssue), StringComparison.Ordinal);
        Assert.True(System.Text.Unicode.Utf8.IsValid(cleanIncident));

        await SetAsync("?garbled=PAY-3,INC0010002&unreadable=PAY-4,INC0010003");

        var garbledIssue = Encoding.UTF8.GetString(await BytesAsync(issueUrl));
        Assert.EndsWith(" \\ud800", JsonDocument.Parse(garbledIssue.Replace("\\ud800", "\\\\ud800", StringComparison.Ordinal)).RootElement.GetProperty("fields").GetProperty("summary").GetString(), StringComparison.Ordinal);
        var garbledIncident = await BytesAsync(incidentUrl);
        Assert.False(System.Text.Unicode.Utf8.IsValid(garbledIncident));
        using (var parsed = JsonDocument.Parse(garbledIncident))
        {
            var description = parsed.RootElement.GetProperty("result")[0].GetProperty("short_description").GetProperty("display_value");
            Assert.Throws<InvalidOperationException>(() => description.GetString());
        }

        var unreadable = JsonDocument.Parse(await BytesAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/issue/PAY-4?fields=created")).RootElement;
        Assert.Equal("not a date", unreadable.GetProperty("fields").GetProperty("created").GetString());
        var row = JsonDocument.Parse(await BytesAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/incident?sysparm_query=number%3DINC0010003")).RootElement.GetProperty("result")[0];
        Assert.Equal("not a date", row.GetProperty("opened_at").GetString());

        await SetAsync("");

        Assert.Equal(cleanIssue, await BytesAsync(issueUrl));
        Assert.Equal(cleanIncident, await BytesAsync(incidentUrl));
    }

    [Fact]
    public async Task Every_vendor_answer_states_the_sandbox_clock_in_its_Date_header()
    {
        using var response = await fx.Http.GetAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/incident?sysparm_limit=1");

        var date = response.Headers.Date!.Value;
        Assert.True((date - fx.Sandbox.Now).Duration() < TimeSpan.FromSeconds(5), $"{date.ToString("O", CultureInfo.InvariantCulture)} vs {fx.Sandbox.Now:O}");
        Assert.Equal(2020, date.Year);
    }
}
