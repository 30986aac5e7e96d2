using System.Collections.Concurrent;

namespace StrategyLayer.Connectors.Jira.Tests.Support;

/// <summary>Every request any WireMock server of this suite received, kept after the servers stop.</summary>
internal static class WireMockJournal
{
    private static readonly ConcurrentQueue<JournalEntry> Entries = new();

    public static void Record(IEnumerable<JournalEntry> entries)
    {
        foreach (var e in entries)
        {
            Entries.Enqueue(e);
        }
    }

    public static IReadOnlyList<JournalEntry> All => Entries.ToArray();
}

internal sealed record JournalEntry(string Server, string Method, string Path);
