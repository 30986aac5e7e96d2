using Microsoft.Playwright;

namespace StrategyLayer.Browser.Tests;

/// <summary>One Chromium for the class, with JavaScript on, so a script that slipped through would run.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    internal PackFiles Packs { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Packs = await PackFiles.RenderAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("STRATEGYLAYER_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        Packs.Dispose();
    }
}

public sealed class PackInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private sealed record Visit(IPage Page, List<string> Problems, List<string> Dialogs, List<string> Requests);

    private async Task<Visit> OpenAsync(IBrowserContext context, string pack)
    {
        var page = await context.NewPageAsync();
        var visit = new Visit(page, [], [], []);
        page.Console += (_, m) =>
        {
            if (m.Type is "error" or "warning")
            {
                visit.Problems.Add(m.Type + ": " + m.Text);
            }
        };
        page.PageError += (_, e) => visit.Problems.Add("page error: " + e);
        page.Dialog += async (_, d) =>
        {
            visit.Dialogs.Add(d.Message);
            await d.DismissAsync();
        };
        page.Request += (_, r) => visit.Requests.Add(r.Url);
        await page.GotoAsync(new Uri(fixture.Packs.Html[pack]).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return visit;
    }

    [Theory]
    [InlineData("portfolio-pack")]
    [InlineData("delivery-lead")]
    [InlineData("untracked")]
    public async Task A_pack_opens_without_console_errors_or_any_network_request(string pack)
    {
        await using var context = await fixture.Browser.NewContextAsync();

        var visit = await OpenAsync(context, pack);

        Assert.Empty(visit.Problems);
        Assert.Equal([new Uri(fixture.Packs.Html[pack]).AbsoluteUri], visit.Requests);
        Assert.Equal(0, await visit.Page.EvaluateAsync<int>("document.querySelectorAll('script, [onerror], img').length"));
    }

    [Theory]
    [InlineData("untracked")]
    [InlineData("delivery-lead")]
    [InlineData("plain")]
    public async Task No_script_runs_from_a_hostile_item_title_and_the_title_shows_as_text(string pack)
    {
        await using var context = await fixture.Browser.NewContextAsync();

        var visit = await OpenAsync(context, pack);
        await visit.Page.WaitForTimeoutAsync(200);

        Assert.Empty(visit.Dialogs);
        var text = await visit.Page.InnerTextAsync("body");
        Assert.Contains("<script>alert('x')</script>", text, StringComparison.Ordinal);
        Assert.Equal(0, await visit.Page.EvaluateAsync<int>("document.querySelectorAll('script').length"));
    }

    [Fact]
    public async Task Unicode_titles_and_the_trend_charts_render_in_the_portfolio_pack()
    {
        await using var context = await fixture.Browser.NewContextAsync();

        var visit = await OpenAsync(context, "portfolio-pack");

        var titles = await visit.Page.EvaluateAsync<string[]>("[...document.querySelectorAll('[title]')].map(e => e.title)");
        Assert.Contains("Café façade — 東京 rollout ✓", titles);
        var charts = await visit.Page.EvaluateAsync<int>("[...document.querySelectorAll('svg.trend')].filter(s => s.getBoundingClientRect().width > 100).length");
        Assert.Equal(fixture.Packs.Portfolio.Measures.Count, charts);
        Assert.Equal("Executive summary", await visit.Page.InnerTextAsync("section.executive h2"));
    }
}
