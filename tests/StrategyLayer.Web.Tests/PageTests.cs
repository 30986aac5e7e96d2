using System.Net;
using StrategyLayer.Web.Tests.Support;

namespace StrategyLayer.Web.Tests;

public sealed class PageTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/teams")]
    [InlineData("/items?team=PAY")]
    [InlineData("/items/jira%3APAY-2")]
    [InlineData("/untracked")]
    [InlineData("/runs")]
    [InlineData("/api/status")]
    [InlineData("/static/pack.css")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var response = await server.Client.GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("script-src", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/teams")]
    [InlineData("/items?team=PAY")]
    [InlineData("/items/jira%3APAY-2")]
    [InlineData("/untracked")]
    [InlineData("/runs")]
    public async Task Pages_render_with_no_script_and_no_inline_style(string path)
    {
        var html = await Page(path);

        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"/static/pack.css\"", html);
    }

    [Theory]
    [InlineData("POST", "/api/items")]
    [InlineData("PUT", "/api/items")]
    [InlineData("DELETE", "/api/items/jira%3APAY-1/explain")]
    [InlineData("POST", "/")]
    [InlineData("PATCH", "/items/jira%3APAY-1")]
    [InlineData("POST", "/api/mappings")]
    public async Task Nothing_but_reads_is_accepted(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}") };
        using var response = await server.Client.SendAsync(request);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound });
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("rebound.attacker.test:5080")]
    public async Task Without_sign_in_a_non_loopback_host_name_is_refused(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/items");
        request.Headers.Host = host;
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("jira:", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_portfolio_shows_the_demo_tree_with_both_statuses()
    {
        var html = await Page("/");

        Assert.Contains("Card data tokenized", html);
        Assert.Contains("Payments modernisation", html);
        Assert.Contains("Implementation (delivery)", html);
        Assert.Contains("Potential (value)", html);
        Assert.Contains("<svg class=\"trend\"", html);
        Assert.Contains("<option value=\"live\" selected>", html);
    }

    [Fact]
    public async Task The_period_picker_offers_a_frozen_snapshot_and_shows_it()
    {
        var period = server.Demo.FrozenPeriod.Name;
        var live = await Page("/");
        var frozen = await Page("/?period=" + period);

        Assert.Contains($"<option value=\"{period}\">{period}</option>", live);
        Assert.Contains($"<option value=\"{period}\" selected>", frozen);
        Assert.Contains("class=\"state-frozen\"", frozen);
        Assert.Contains("portfolio pack " + period, frozen);
    }

    [Fact]
    public async Task A_period_that_is_not_one_is_a_404_page()
    {
        using var response = await server.Client.GetAsync("/?period=someday");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("is not a period", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_hostile_title_is_escaped_on_every_page_that_shows_it()
    {
        var team = await Page("/items?team=PAY");
        var item = await Page("/items/jira%3APAY-3");

        foreach (var html in new[] { team, item })
        {
            Assert.DoesNotContain(DemoStore.HostileTitle, html);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        }

        Assert.DoesNotContain(DemoStore.ScriptTitle, team);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", team);
    }

    [Fact]
    public async Task A_team_page_lists_untracked_items_first_with_measure_and_rule()
    {
        var html = await Page("/items?team=PAY");

        var untracked = html.IndexOf("PAY-4", StringComparison.Ordinal);
        Assert.True(untracked > 0 && untracked < html.IndexOf("PAY-1<", StringComparison.Ordinal));
        Assert.Contains("rule <code>pci-tokenization</code>", html);
        Assert.Contains("inherited via jira:PAY-1", html);
        Assert.Contains("href=\"https://example.atlassian.net/browse/PAY-1\"", html);
    }

    [Fact]
    public async Task A_bad_query_shows_its_positioned_error_not_a_500()
    {
        using var response = await server.Client.GetAsync("/items?team=PAY&q=" + Uri.EscapeDataString("status != Done and labels in pci"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"query-error\"", html);
        Assert.Matches("at line 1, column [0-9]+", html);
        Assert.Contains("^</pre>", html);
    }

    [Fact]
    public async Task Paging_links_walk_a_long_team_list()
    {
        var html = await Page("/items?team=WEB");

        Assert.Contains("123 items, showing 1–50", html);
        Assert.Contains("href=\"/items?team=WEB&amp;offset=50&amp;limit=50\"", html);
    }

    [Fact]
    public async Task The_item_page_explains_an_inherited_mapping()
    {
        var html = await Page("/items/jira%3APAY-2");

        Assert.Contains("inherited M-PCI-TOKEN via jira:PAY-1", html);
        Assert.Contains("id=\"candidates\"", html);
        Assert.Contains("cloud-migration", html);
        Assert.Contains("id=\"fields\"", html);
    }

    [Fact]
    public async Task The_untracked_page_offers_rules_to_paste()
    {
        var html = await Page("/untracked");

        Assert.Contains("observability", html);
        Assert.Contains("class=\"snippet\"", html);
    }

    private async Task<string> Page(string path)
    {
        using var response = await server.Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {server.Log.Errors()}");
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString());
        return html;
    }
}
