using StrategyLayer.Sandbox;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>One small sandbox per test class, on a free loopback port.</summary>
public class SandboxFixture : IAsyncLifetime
{
    private SandboxHandle? _sandbox;

    public SandboxHandle Sandbox => _sandbox ?? throw new InvalidOperationException("sandbox not started");

    /// <summary>The sandbox's options; a derived fixture may set its clock apart from this machine's.</summary>
    protected virtual SandboxOptions Options => SandboxOptions.Default with { Port = 0, Size = "small" };

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync(Options, CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }
}
