using WireMock.Server;

namespace StrategyLayer.Tests.Support;

/// <summary>One WireMock server on loopback for a test class; each test mocks its own path.</summary>
public sealed class WebhookServerFixture : IDisposable
{
    public WireMockServer Server { get; } = WireMockServer.Start();

    public void Dispose() => Server.Stop();
}
