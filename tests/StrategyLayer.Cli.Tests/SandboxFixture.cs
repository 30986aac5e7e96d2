using StrategyLayer.Sandbox;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>One small sandbox per test class, on a free loopback port.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private SandboxHandle? _sandbox;

    public SandboxHandle Sandbox => _sandbox ?? throw new InvalidOperationException("sandbox not started");

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync(SandboxOptions.Default with { Port = 0, Size = "small" }, TimeProvider.System, CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }
}
