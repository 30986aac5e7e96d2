namespace StrategyLayer.Web;

/// <summary>The caller (the CLI) owns Ctrl-C and shutdown; the web host must not install its own console handlers.</summary>
internal sealed class HostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
