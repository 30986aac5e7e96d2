using System.Collections.Concurrent;
using StrategyLayer.Sandbox.Data;
using StrategyLayer.Sandbox.Jira;
using StrategyLayer.Sandbox.ServiceNow;

namespace StrategyLayer.Sandbox.Http;

/// <summary>Everything the endpoints share: the index, the query engines, faults, tokens and the request log.</summary>
internal sealed class SandboxState
{
    private readonly ConcurrentQueue<SandboxRequest> requests = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> accessTokens = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> refreshTokens = new();
    private long faultCounter;
    private long tokenCounter;
    private SandboxFaults faults;

    public SandboxState(SandboxOptions options, TimeProvider time)
    {
        Options = options;
        faults = options.Faults;
        Clock = new SandboxClock(options.AnchorOn(time), time);
        Index = new ItemIndex(options.Seed, options.ItemCount(), Clock);
        Zone = TimeZoneInfo.TryFindSystemTimeZoneById(options.JiraTimeZone, out var zone)
            ? zone
            : throw new ArgumentException($"Sandbox Jira time zone '{options.JiraTimeZone}' is not a known IANA time zone.", nameof(options));
        Jira = new JiraSearch(Index, Zone);
        Tables = new TableSearch(Index);
    }

    public SandboxOptions Options { get; }

    public SandboxClock Clock { get; }

    public ItemIndex Index { get; }

    public TimeZoneInfo Zone { get; }

    public JiraSearch Jira { get; }

    public TableSearch Tables { get; }

    public SandboxFaults Faults
    {
        get => Volatile.Read(ref faults);
        set => Volatile.Write(ref faults, value);
    }

    public IReadOnlyList<SandboxRequest> Requests => [.. requests];

    public void Record(SandboxRequest request)
    {
        requests.Enqueue(request);
        while (requests.Count > Options.RequestLogCapacity && requests.TryDequeue(out _))
        {
        }
    }

    public void ClearRequests() => requests.Clear();

    /// <summary>The next fault to inject (0 = none, 429, 500 or 503), drawn from the seed in request order.</summary>
    public int NextFault()
    {
        var f = Faults;
        if (f.RateLimitedShare <= 0 && f.ServerErrorShare <= 0)
        {
            return 0;
        }

        var n = Interlocked.Increment(ref faultCounter);
        var r = DeterministicRandom.Unit(Options.Seed, n, 90);
        return r < f.RateLimitedShare ? 429
            : r < f.RateLimitedShare + f.ServerErrorShare ? (DeterministicRandom.Int(Options.Seed, n, 91, 2) == 0 ? 500 : 503)
            : 0;
    }

    public (string Access, string Refresh) IssueTokens()
    {
        var n = Interlocked.Increment(ref tokenCounter);
        var access = SysIds.Of(Options.Seed, n, 200) + SysIds.Of(Options.Seed, n, 201)[..16];
        var refresh = SysIds.Of(Options.Seed, n, 202) + SysIds.Of(Options.Seed, n, 203)[..16];
        accessTokens[access] = Clock.Now.AddSeconds(1799);
        refreshTokens[refresh] = Clock.Now.AddDays(100);
        return (access, refresh);
    }

    public bool IsValidAccessToken(string token) => accessTokens.TryGetValue(token, out var expires) && expires > Clock.Now;

    public bool UseRefreshToken(string token) => refreshTokens.TryGetValue(token, out var expires) && expires > Clock.Now;
}
