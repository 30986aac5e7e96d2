namespace StrategyLayer.Sandbox.Data;

/// <summary>
/// The only per-item state the sandbox keeps: kind, project or table, key number, updated,
/// version and flags (a few dozen bytes an item). Everything else is generated on request
/// from (seed, index, version), so even <c>large</c> fits in a small memory budget.
/// </summary>
internal sealed partial class ItemIndex
{
    public const int JiraIdBase = 10000;
    private const byte DeletedFlag = 1;
    private const byte MovedFlag = 2;

    private readonly byte[] group;
    private readonly int[] number;
    private readonly long[] updated;
    private readonly ushort[] version;
    private readonly byte[] flags;
    private readonly List<int>[] byProject;
    private readonly Dictionary<string, int> oldKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, int> blockedBy = [];
    private readonly Dictionary<int, List<int>> blocks = [];
    private readonly List<(int Index, long DeletedAt)> auditDeletes = [];
    private readonly Lock gate = new();
    private long stamp;

    public ItemIndex(int seed, int count, SandboxClock clock)
    {
        Seed = seed;
        Clock = clock;
        Count = count;
        JiraCount = (int)Math.Round(count * 0.7);
        var sn = count - JiraCount;
        IncidentCount = (int)Math.Round(sn * 0.6);
        ChangeCount = (int)Math.Round(sn * 0.25);
        ProblemCount = sn - IncidentCount - ChangeCount;
        group = new byte[count];
        number = new int[count];
        updated = new long[count];
        version = new ushort[count];
        flags = new byte[count];
        byProject = [.. Enumerable.Range(0, Vocabulary.ProjectKeys.Length).Select(_ => new List<int>())];
        Build();
    }

    public int Seed { get; }

    public SandboxClock Clock { get; }

    public int Count { get; }

    public int JiraCount { get; }

    public int IncidentCount { get; }

    public int ChangeCount { get; }

    public int ProblemCount { get; }

    /// <summary>Changes on every mutation; query caches key on it.</summary>
    public long Stamp => Interlocked.Read(ref stamp);

    public int Edited { get; private set; }

    public int Moved { get; private set; }

    public int DeletedCount { get; private set; }

    public long GeneratedNowSeconds => Clock.GeneratedNow.ToUnixTimeSeconds();

    public ItemKind KindOf(int i) =>
        i < JiraCount ? ItemKind.Jira
        : i < JiraCount + IncidentCount ? ItemKind.Incident
        : i < JiraCount + IncidentCount + ChangeCount ? ItemKind.Change
        : ItemKind.Problem;

    public int TableStart(ItemKind kind) => kind switch
    {
        ItemKind.Jira => 0,
        ItemKind.Incident => JiraCount,
        ItemKind.Change => JiraCount + IncidentCount,
        _ => JiraCount + IncidentCount + ChangeCount,
    };

    public int TableCount(ItemKind kind) => kind switch
    {
        ItemKind.Jira => JiraCount,
        ItemKind.Incident => IncidentCount,
        ItemKind.Change => ChangeCount,
        _ => ProblemCount,
    };

    public int Group(int i) => group[i];

    public int Number(int i) => number[i];

    public long Updated(int i) => Volatile.Read(ref updated[i]);

    public int Version(int i) => version[i];

    public bool IsDeleted(int i) => (flags[i] & DeletedFlag) != 0;

    public bool IsMoved(int i) => (flags[i] & MovedFlag) != 0;

    public int BlockedBy(int i) => blockedBy.TryGetValue(i, out var b) ? b : -1;

    public IReadOnlyList<int> Blocks(int i) => blocks.TryGetValue(i, out var b) ? b : [];

    public IReadOnlyList<(int Index, long DeletedAt)> AuditDeletes
    {
        get
        {
            lock (gate)
            {
                return [.. auditDeletes];
            }
        }
    }

    public string ProjectKey(int i) => Vocabulary.ProjectKeys[group[i]];

    public string Key(int i) => KindOf(i) switch
    {
        ItemKind.Jira => string.Concat(Vocabulary.ProjectKeys[group[i]], "-", number[i].ToString(System.Globalization.CultureInfo.InvariantCulture)),
        var k => ServiceNowNumber(k, number[i]),
    };

    public static string ServiceNowNumber(ItemKind kind, int n) => kind switch
    {
        ItemKind.Incident => "INC" + (10000 + n).ToString("D7", System.Globalization.CultureInfo.InvariantCulture),
        ItemKind.Change => "CHG" + (30000 + n).ToString("D7", System.Globalization.CultureInfo.InvariantCulture),
        _ => "PRB" + (40000 + n).ToString("D7", System.Globalization.CultureInfo.InvariantCulture),
    };

    public long JiraId(int i) => JiraIdBase + i;

    /// <summary>Live Jira issues (not deleted) in index order.</summary>
    public IEnumerable<int> LiveJira()
    {
        for (var i = 0; i < JiraCount; i++)
        {
            if (!IsDeleted(i))
            {
                yield return i;
            }
        }
    }

    /// <summary>Live rows of one ServiceNow table in index order.</summary>
    public IEnumerable<int> LiveRows(ItemKind kind)
    {
        var start = TableStart(kind);
        var end = start + TableCount(kind);
        for (var i = start; i < end; i++)
        {
            if (!IsDeleted(i))
            {
                yield return i;
            }
        }
    }
}
