using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Store;

namespace StrategyLayer.Reporting.Tests.Support;

/// <summary>A small, fixed portfolio in the demo vocabulary: enough to exercise every status rule.</summary>
internal static class DemoPortfolio
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    public static readonly ReportingPeriod November = ReportingPeriod.Parse("2026-11");

    public static StrategyTree Tree(KpiDirection costDirection = KpiDirection.Down, double costActual = 130, KpiPacing? tokenPacing = null) => new(new Organization
    {
        Id = "ACME",
        Name = "Acme Bank",
        Portfolios =
        [
            new Portfolio
            {
                Id = "P-DIG", Name = "Digital", BusinessOwner = "Ana Costa", TechnicalOwner = "Rui Lopes",
                Programs =
                [
                    new Program
                    {
                        Id = "PR-PAY", Name = "Payments modernisation", BusinessOwner = "Ana Costa", TechnicalOwner = "Rui Lopes",
                        Projects =
                        [
                            new Project
                            {
                                Id = "PJ-PCI", Name = "PCI scope reduction", BusinessOwner = "Ana Costa", TechnicalOwner = "Rui Lopes",
                                MeasurePackages =
                                [
                                    new MeasurePackage
                                    {
                                        Id = "MP-PCI", Name = "Cardholder data", BusinessOwner = "Ana Costa", TechnicalOwner = "Rui Lopes",
                                        Measures =
                                        [
                                            new Measure
                                            {
                                                Id = "M-PCI-TOKEN", Name = "Card data tokenized", BusinessOwner = "Ana Costa", TechnicalOwner = "Rui Lopes",
                                                Kpi = new Kpi
                                                {
                                                    Unit = "%", Baseline = 0, Target = 100,
                                                    Planned = new Dictionary<string, double> { ["2026-10"] = 20, ["2026-11"] = 40, ["2026-12"] = 70 },
                                                    Actual = new ComputedActual(ComputedKind.DoneRatio),
                                                    Pacing = tokenPacing,
                                                },
                                            },
                                        ],
                                    },
                                ],
                            },
                        ],
                    },
                    new Program
                    {
                        Id = "PR-SD", Name = "Service desk", BusinessOwner = "Marta Reis", TechnicalOwner = "João Silva",
                        Projects =
                        [
                            new Project
                            {
                                Id = "PJ-SD", Name = "Faster resolution", BusinessOwner = "Marta Reis", TechnicalOwner = "João Silva",
                                MeasurePackages =
                                [
                                    new MeasurePackage
                                    {
                                        Id = "MP-SD", Name = "Incident handling", BusinessOwner = "Marta Reis", TechnicalOwner = "João Silva",
                                        Measures =
                                        [
                                            new Measure
                                            {
                                                Id = "M-SD-MTTR", Name = "P1/P2 incidents resolved within SLA", BusinessOwner = "Marta Reis", TechnicalOwner = "João Silva",
                                                Kpi = new Kpi
                                                {
                                                    Unit = "%", Baseline = 60, Target = 95,
                                                    Planned = new Dictionary<string, double> { ["2026-11"] = 50 },
                                                    Actual = new ComputedActual(ComputedKind.Ratio, Numerator: "category = done", Denominator: "priority <= 2"),
                                                },
                                            },
                                            new Measure
                                            {
                                                Id = "M-RUN-COST", Name = "Monthly run cost", BusinessOwner = "Marta Reis", TechnicalOwner = "Paulo Dias",
                                                Kpi = new Kpi
                                                {
                                                    Unit = "kEUR", Baseline = 150, Target = 90, Direction = costDirection,
                                                    Planned = new Dictionary<string, double> { ["2026-10"] = 110, ["2026-11"] = 100 },
                                                    Actual = new EnteredActual(new Dictionary<string, double> { ["2026-10"] = 120, ["2026-11"] = costActual }),
                                                },
                                            },
                                        ],
                                    },
                                ],
                            },
                        ],
                    },
                ],
            },
        ],
    });

    public static InMemoryStore Store()
    {
        var store = new InMemoryStore();
        var day = AsOf.AddDays(-1);
        Put(store, Jira("PAY-1", "PAY", StatusCategory.Done, "Tokenize card vault", day), "M-PCI-TOKEN", "pci-work");
        var pay2 = Jira("PAY-2", "PAY", StatusCategory.InProgress, "Café façade — 東京 rollout ✓", day) with
        {
            Links = [new ItemLink(LinkTypes.IsBlockedBy, "OPS-12", "In Progress", StatusCategory.InProgress, "OPS")],
        };
        Put(store, pay2, "M-PCI-TOKEN", "pci-work");
        var pay3 = Jira("PAY-3", "PAY", StatusCategory.InProgress, "Rotate tokenization keys", day) with
        {
            Links = [new ItemLink(LinkTypes.IsBlockedBy, "OPS-12", "In Progress", StatusCategory.InProgress, "OPS")],
        };
        Put(store, pay3, "M-PCI-TOKEN", "pci-work");

        // Our syncs have seen PAY wait on OPS-12 since it was raised, three weeks ago.
        store.SawLink(pay2, "OPS-12", AsOf.AddDays(-21));
        store.SawLink(pay3, "OPS-12", AsOf.AddDays(-21));
        Put(store, Jira("PAY-4", "PAY", StatusCategory.ToDo, "<img src=x onerror=alert(1)>", day), "M-PCI-TOKEN", "pci-work", inheritedFrom: "jira:PAY-1");
        Put(store, Jira("OPS-12", "OPS", StatusCategory.InProgress, "Open firewall for token service", day) with
        {
            Created = AsOf.AddDays(-21),
            Assignee = "Olga Ops",
        }, null, null);
        Put(store, Jira("OPS-13", "OPS", StatusCategory.Done, "Provision landing zone", day), null, null);
        Put(store, Jira("CLOUD-1", "CLOUD", StatusCategory.Done, "Migrate payments-api", day), "M-SD-MTTR", "cloud");
        Put(store, Jira("DATA-1", "DATA", StatusCategory.ToDo, "Dashboards for data-lake", day) with { Labels = ["observability"] }, null, null);
        Put(store, Jira("DATA-2", "DATA", StatusCategory.InProgress, "<script>alert('x')</script>", day) with { Labels = ["observability"] }, null, null);
        Put(store, Jira("DATA-3", "DATA", StatusCategory.ToDo, "Alerting for k8s-prod-eu", day) with { Labels = ["observability"] }, null, null);
        Put(store, Incident("INC0010001", 1, StatusCategory.Done, day), "M-SD-MTTR", "sd-p1");
        Put(store, Incident("INC0010002", 2, StatusCategory.InProgress, day), "M-SD-MTTR", "sd-p1");
        store.CursorList.Add(new CursorRecord("jira", "default", "2026-11-20T09:00:00Z", AsOf.AddHours(-3)));
        store.CursorList.Add(new CursorRecord("servicenow", "incident", "2026-11-17T12:00:00Z", AsOf.AddDays(-3)));
        return store;
    }

    public static void Put(InMemoryStore store, WorkItem item, string? measure, string? rule, string? inheritedFrom = null)
    {
        var decision = measure is null ? Decision.None
            : inheritedFrom is not null ? new Decision(DecisionKind.Inherited, rule, [inheritedFrom])
            : new Decision(DecisionKind.Rule, rule);
        store.Put(item, new ItemMapping(item.Uid, measure, decision, InScope: true));
    }

    public static WorkItem Jira(string key, string project, StatusCategory category, string title, DateTimeOffset updated) => new()
    {
        Source = "jira",
        SourceId = "1" + key.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
        Key = key,
        Kind = WorkItemKind.Issue,
        Title = title,
        Status = category switch
        {
            StatusCategory.Done => "Done",
            StatusCategory.InProgress => "In Progress",
            _ => "To Do",
        },
        Category = category,
        Type = "Story",
        Project = project,
        Team = project,
        Created = AsOf.AddDays(-40),
        Updated = updated,
        BrowseUrl = $"https://jira.example.test/browse/{key}",
    };

    public static WorkItem Incident(string number, int priority, StatusCategory category, DateTimeOffset updated) => new()
    {
        Source = "servicenow",
        SourceId = "sys" + number,
        Key = number,
        Kind = WorkItemKind.Incident,
        Table = "incident",
        Title = "Payments API errors " + number,
        Status = category == StatusCategory.Done ? "Resolved" : "In Progress",
        Category = category,
        Priority = priority + " - High",
        PriorityRank = priority,
        Project = "incident",
        Team = "Service Desk",
        Created = AsOf.AddDays(-5),
        Updated = updated,
        BrowseUrl = $"https://sn.example.test/incident.do?sys_id=sys{number}",
    };

    public static ReportBuilder Builder<TStore>(TStore store, ReportSettings? settings = null, StrategyTree? tree = null, TimeProvider? time = null, string? webBaseUrl = null)
        where TStore : IStoreReader, ISnapshotStore =>
        new(store, store, tree ?? Tree(), new TinyFilterCompiler(), settings ?? ReportSettings.Default,
            new ReportEnvironment(TimeZoneInfo.Utc, webBaseUrl, ["jira", "servicenow"]), time ?? new Microsoft.Extensions.Time.Testing.FakeTimeProvider(AsOf));
}
