using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StrategyLayer.Web.Tests.Support;

namespace StrategyLayer.Browser.Tests.Web;

public sealed class WebViewInBrowserTests(WebViewBrowser fixture) : IClassFixture<WebViewBrowser>
{
    [Fact]
    public async Task The_portfolio_shows_the_demo_tree()
    {
        await using var visit = await Visit.OpenAsync(fixture, "/");

        var tree = visit.Page.Locator("#tree");
        await Assertions.Expect(tree).ToContainTextAsync("Card data tokenized");
        await Assertions.Expect(tree).ToContainTextAsync("Applications migrated");
        await Assertions.Expect(tree).ToContainTextAsync("Payments modernisation");
        Assert.True(await visit.Page.Locator("#tree .badge").CountAsync() >= 2);
        visit.AssertClean();
    }

    [Fact]
    public async Task A_team_page_filters_by_a_query()
    {
        await using var visit = await Visit.OpenAsync(fixture, "/items?team=PAY");
        Assert.Equal(5, await visit.Page.Locator("#items tbody tr").CountAsync());

        await visit.Page.Locator("#q").FillAsync("labels in (pci) and status != Done");
        await visit.Page.Locator("form.filter button").ClickAsync();
        await Assertions.Expect(visit.Page).ToHaveURLAsync(new Regex("q=labels"));

        var rows = visit.Page.Locator("#items tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("PAY-1");
        Assert.Contains("q=", visit.Page.Url);
        visit.AssertClean();
    }

    [Fact]
    public async Task A_bad_query_shows_where_it_fails()
    {
        await using var visit = await Visit.OpenAsync(fixture, "/items?team=PAY");

        await visit.Page.Locator("#q").FillAsync("labels in pci");
        await visit.Page.Locator("form.filter button").ClickAsync();
        await Assertions.Expect(visit.Page).ToHaveURLAsync(new Regex("q=labels"));

        await Assertions.Expect(visit.Page.Locator("#query-error")).ToContainTextAsync("column");
        visit.AssertClean();
    }

    [Fact]
    public async Task An_item_page_explains_an_inherited_mapping()
    {
        await using var visit = await Visit.OpenAsync(fixture, "/teams");

        await visit.Page.GetByRole(AriaRole.Link, new() { Name = "PAY", Exact = true }).ClickAsync();
        await Assertions.Expect(visit.Page).ToHaveURLAsync(new Regex("team=PAY"));
        await visit.Page.GetByRole(AriaRole.Link, new() { Name = "Replace PAN storage in checkout" }).ClickAsync();
        await Assertions.Expect(visit.Page).ToHaveURLAsync(new Regex("/items/jira"));

        var verdict = visit.Page.Locator("#verdict");
        await Assertions.Expect(verdict).ToContainTextAsync("inherited M-PCI-TOKEN via jira:PAY-1");
        await Assertions.Expect(verdict.Locator(".via")).ToContainTextAsync("jira:PAY-2 → jira:PAY-1");
        await Assertions.Expect(visit.Page.Locator("#candidates tbody tr")).ToHaveCountAsync(fixture.Server.Demo.Rules.Rules.Count);
        visit.AssertClean();
    }

    [Theory]
    [InlineData("/items?team=PAY")]
    [InlineData("/items/jira%3APAY-3")]
    [InlineData("/items?untracked=true")]
    public async Task A_hostile_ticket_title_renders_as_text_and_no_script_runs(string path)
    {
        await using var visit = await Visit.OpenAsync(fixture, path);

        await Assertions.Expect(visit.Page.Locator("main")).ToContainTextAsync(path.Contains("untracked", StringComparison.Ordinal) ? DemoStore.ScriptTitle : DemoStore.HostileTitle);
        Assert.Equal(0, await visit.Page.Locator("main img, main script, [onerror]").CountAsync());
        Assert.Empty(visit.Dialogs);
        visit.AssertClean();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/teams")]
    [InlineData("/untracked")]
    [InlineData("/runs")]
    public async Task Every_page_loads_without_console_errors_and_only_from_its_own_origin(string path)
    {
        await using var visit = await Visit.OpenAsync(fixture, path);

        visit.AssertClean();
        Assert.All(visit.Requests, url => Assert.StartsWith(fixture.Server.Url, url));
    }

    /// <summary>One page in a fresh context, recording console problems, dialogs and every request.</summary>
    private sealed class Visit : IAsyncDisposable
    {
        private readonly IBrowserContext context;

        private Visit(IBrowserContext context, IPage page)
        {
            this.context = context;
            Page = page;
        }

        public IPage Page { get; }

        public List<string> Problems { get; } = [];

        public List<string> Dialogs { get; } = [];

        public List<string> Requests { get; } = [];

        public static async Task<Visit> OpenAsync(WebViewBrowser fixture, string path)
        {
            var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Server.Url });
            var visit = new Visit(context, await context.NewPageAsync());
            visit.Page.Console += (_, m) =>
            {
                if (m.Type is "error" or "warning")
                {
                    visit.Problems.Add(m.Type + ": " + m.Text);
                }
            };
            visit.Page.PageError += (_, e) => visit.Problems.Add("page error: " + e);
            visit.Page.Dialog += async (_, d) =>
            {
                visit.Dialogs.Add(d.Message);
                await d.DismissAsync();
            };
            visit.Page.Request += (_, r) => visit.Requests.Add(r.Url);
            var response = await visit.Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            Assert.Equal(200, response?.Status);
            return visit;
        }

        public void AssertClean()
        {
            Assert.Empty(Problems);
            Assert.Empty(Dialogs);
        }

        public async ValueTask DisposeAsync() => await context.CloseAsync();
    }
}
