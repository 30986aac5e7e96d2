using Microsoft.Playwright;
using StrategyLayer.Web.Tests.Support;

namespace StrategyLayer.Browser.Tests.Web;

/// <summary>One seeded web view and one Chromium (JavaScript on, so a script that slipped through would run) for the class.</summary>
public sealed class WebViewBrowser : IAsyncLifetime
{
    private IPlaywright? playwright;

    public LoopbackServer Server { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
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
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
