namespace StrategyLayer.Web;

/// <summary>A started web view. <see cref="Url"/> is the first bound address (the real port when 0 was asked for).</summary>
public sealed class RunningWebServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int disposed;

    internal RunningWebServer(WebApplication app, IReadOnlyList<string> urls, StoreViews views)
    {
        this.app = app;
        Urls = urls;
        Views = views;
    }

    internal StoreViews Views { get; }

    public IReadOnlyList<string> Urls { get; }

    public string Url => Urls[0];

    /// <summary>
    /// Completes when the whole-store figures (mappings, team counts) have been read once. Pages work
    /// before that; a benchmark timing a page should await this first.
    /// </summary>
    public Task Warmed { get; internal set; } = Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(timeout.Token).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
