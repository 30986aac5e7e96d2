using WireMock.Server;

namespace StrategyLayer.Connectors.Jira.Tests.Support;

/// <summary>One WireMock server per test class on loopback; each test gets its own path prefix on it.</summary>
public sealed class JiraServerFixture : IDisposable
{
    private int _next;

    public JiraServerFixture()
    {
        Server = WireMockServer.Start();
    }

    public WireMockServer Server { get; }

    internal FakeJira NewJira(string flavor) => new(Server, $"/{flavor}-{Interlocked.Increment(ref _next)}");

    public void Dispose()
    {
        WireMockJournal.Record(Server.LogEntries.Select(e =>
            new JournalEntry(Server.Urls[0], e.RequestMessage.Method, e.RequestMessage.Path)));
        Server.Stop();
        Server.Dispose();
    }
}
