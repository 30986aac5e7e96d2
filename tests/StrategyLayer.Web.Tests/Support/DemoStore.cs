using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Mapping;
using StrategyLayer.Mapping.Files;
using StrategyLayer.Mapping.Rules;
using StrategyLayer.Reporting;
using StrategyLayer.Store;
using StrategyLayer.Store.LiteDb;

namespace StrategyLayer.Web.Tests.Support;

/// <summary>
/// A temp LiteDB store seeded with demo-like items (the demo vocabulary), mapped with the repo's
/// demo strategy tree and rules. Shared by the HTTP and the browser tests; deleted on dispose.
/// </summary>
public sealed class DemoStore : IDisposable
{
    public const string HostileTitle = "<img src=x onerror=alert(1)>";
    public const string ScriptTitle = "<script>alert('x')</script>";

    private readonly string folder;
    private readonly int extraWebItems;
    private readonly Func<DemoStore, IEnumerable<WorkItem>>? more;

    /// <param name="more">Items stored besides the demo-like ones (built from <see cref="Now"/>).</param>
    public DemoStore(int extraWebItems = 0, Func<DemoStore, IEnumerable<WorkItem>>? more = null)
    {
        folder = Path.Combine(Path.GetTempPath(), "sl-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Now = DateTimeOffset.UtcNow;
        Store = LiteStrategyStore.Open(Path.Combine(folder, "store.db"), new LiteStoreOptions { TimeProvider = TimeProvider.System });
        this.extraWebItems = extraWebItems;
        this.more = more;

        // Last month, frozen: what the period picker offers besides live.
        FrozenPeriod = ReportingPeriod.Containing(DateOnly.FromDateTime(Now.UtcDateTime), PeriodKind.Month).Previous;
    }

    /// <summary>Loads the demo's tree and rules, stores the items, maps them, freezes last month and records a sync run: call once, before use.</summary>
    public async Task SeedAsync()
    {
        var diagnostics = new List<Diagnostic>();
        Tree = await StrategyFile.LoadAsync(Path.Combine(RepoRoot, "config", "strategy.json"), diagnostics, CancellationToken.None)
            ?? throw new InvalidOperationException(string.Join("; ", diagnostics));
        Rules = await RulesFile.LoadAsync(Path.Combine(RepoRoot, "config", "rules.json"), Tree, [], diagnostics, CancellationToken.None)
            ?? throw new InvalidOperationException(string.Join("; ", diagnostics));
        var records = Items(extraWebItems).Concat(more?.Invoke(this) ?? []).Select(i => new SourceRecord(i, "{}")).ToList();
        foreach (var group in records.GroupBy(r => r.Item.Source))
        {
            await using var sync = await Store.BeginSyncAsync(group.Key, CancellationToken.None);
            await sync.CommitAsync("", [.. group], [], "1", CancellationToken.None);
        }

        await MapRun.ExecuteAsync(Store, Tree, Rules, Now, null, CancellationToken.None);
        var builder = new ReportBuilder(Store, Store, Tree, new ItemFilterCompiler(), ReportSettings.Default, ReportEnvironment.Utc, TimeProvider.System);
        await builder.SnapshotPeriodAsync(FrozenPeriod, null, CancellationToken.None);
        await Store.SaveRunAsync(new Domain.Runs.RunRecord { Id = "run-1", Job = "sync", Started = Now.AddMinutes(-5), Ended = Now.AddMinutes(-4), Result = Domain.Runs.RunResult.Succeeded, Counts = new Dictionary<string, long> { ["fetched"] = 137 } }, CancellationToken.None);
    }

    public LiteStrategyStore Store { get; }

    public StrategyTree Tree { get; private set; } = null!;

    public RuleSet Rules { get; private set; } = null!;

    public DateTimeOffset Now { get; }

    public ReportingPeriod FrozenPeriod { get; }

    public static string Templates => Path.Combine(RepoRoot, "templates");

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StrategyLayer.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("StrategyLayer.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Options for a loopback server on a free port over this store.</summary>
    public WebServerOptions Options(string urls = "http://127.0.0.1:0") => new()
    {
        Urls = urls,
        TemplatesFolder = Templates,
        Strategy = Tree,
        Rules = Rules,
        Sources = ["jira", "servicenow"],
        PageSize = 50,
        TimeProvider = TimeProvider.System,
    };

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A reader may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }

    private IEnumerable<WorkItem> Items(int extraWebItems)
    {
        yield return Issue("PAY-1", "Tokenize the card vault", i => i with { Type = "Epic", Labels = ["pci"], Components = ["Card Vault"] });
        yield return Issue("PAY-2", "Replace PAN storage in checkout", i => i with { Parent = "PAY-1", Status = "Blocked", Links = [new ItemLink("is blocked by", "OPS-7", "In Progress", StatusCategory.InProgress, "OPS")] });
        yield return Issue("PAY-3", HostileTitle, i => i with { Labels = ["tokenization"] });
        yield return Issue("PAY-4", ScriptTitle, i => i with { Status = "To Do", Category = StatusCategory.ToDo });
        yield return Issue("PAY-5", "Café façade — 東京 rollout ✓", i => i with { Labels = ["pci"], Status = "Done", Category = StatusCategory.Done, Resolution = "Done" });
        yield return Issue("CLOUD-1", "Move payments-api to the landing zone", i => i with { Labels = ["migration"], Components = ["Landing Zone"] });
        yield return Issue("CLOUD-2", "Landing zone guardrails", i => i with { Components = ["Landing Zone"], Status = "Done", Category = StatusCategory.Done });
        yield return Issue("OPS-4", "Decommission the old batch cluster", i => i with { Labels = ["techdebt"] });
        yield return Issue("OPS-7", "Firewall change for the vault subnet", i => i with { Labels = ["techdebt"] });
        for (var n = 1; n <= 4; n++)
        {
            yield return Issue("DATA-" + n, "Observability for pipeline " + n, i => i with { Labels = ["observability"], Components = ["Monitoring"] });
        }

        for (var n = 1; n <= 3 + extraWebItems; n++)
        {
            yield return Issue("WEB-" + n, "Self-service portal page " + n, i => i with { Labels = ["selfservice"], Components = ["Portal"] });
        }

        yield return new WorkItem
        {
            Source = "servicenow",
            SourceId = "sys-inc1",
            Key = "INC0010001",
            Kind = WorkItemKind.Incident,
            Table = "incident",
            Title = "Card payments failing for some customers",
            Status = "In Progress",
            StatusCode = "2",
            Category = StatusCategory.InProgress,
            Priority = "1 - Critical",
            PriorityRank = 1,
            Project = "incident",
            Team = "Service Desk",
            Created = Now.AddDays(-3),
            Updated = Now.AddDays(-1),
            BrowseUrl = "https://example.service-now.com/incident.do?sys_id=sys-inc1",
        };
    }

    public WorkItem Issue(string key, string title, Func<WorkItem, WorkItem> tweak)
    {
        var project = key.Split('-')[0];
        return tweak(new WorkItem
        {
            Source = "jira",
            SourceId = "id-" + key,
            Key = key,
            Kind = WorkItemKind.Issue,
            Title = title,
            Status = "In Progress",
            Category = StatusCategory.InProgress,
            Type = "Story",
            Priority = "Medium",
            PriorityRank = 3,
            Project = project,
            Team = project,
            Created = Now.AddDays(-40),
            Updated = Now.AddDays(-2),
            BrowseUrl = "https://example.atlassian.net/browse/" + key,
        });
    }
}
