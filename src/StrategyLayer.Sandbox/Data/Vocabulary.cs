namespace StrategyLayer.Sandbox.Data;

/// <summary>The demo data vocabulary (config/demo-data.md); names must stay exactly as documented.</summary>
internal static class Vocabulary
{
    // Index 5 (ARCH) is never generated: items moved out of scope land there.
    public static readonly string[] ProjectKeys = ["PAY", "WEB", "CLOUD", "OPS", "DATA", "ARCH"];
    public static readonly string[] ProjectNames = ["Payments", "Digital channels", "Cloud platform", "Operations", "Data platform", "Architecture archive"];
    public static readonly int[] ProjectWeights = [25, 18, 20, 12, 25];
    public const int MovedProject = 5;
    public const int Pay = 0;
    public const int Web = 1;
    public const int Cloud = 2;
    public const int Ops = 3;
    public const int Data = 4;

    public static readonly string[] Statuses = ["To Do", "In Progress", "In Review", "Blocked", "Done"];
    public static readonly string[] StatusCategoryKeys = ["new", "indeterminate", "indeterminate", "indeterminate", "done"];
    public static readonly string[] StatusCategoryNames = ["To Do", "In Progress", "In Progress", "In Progress", "Done"];
    public static readonly string[] StatusIds = ["10000", "3", "10001", "10002", "10003"];
    public const int Done = 4;
    public const int Blocked = 3;

    public static readonly string[] Resolutions = ["Done", "Won't Do", "Duplicate"];
    public static readonly string[] Priorities = ["Highest", "High", "Medium", "Low", "Lowest"];
    public static readonly int[] PriorityWeights = [5, 20, 50, 20, 5];

    public static readonly string[] People =
    [
        "Ana Ferreira", "Bruno Costa", "Chloé Martin", "Daniel Okafor", "Eva Novak", "Farid Haddad",
        "Grace Liu", "Hugo Santos", "Inês Almeida", "Jonas Berg", "Keiko Tanaka", "Lucas Moreau",
        "Maria Silva", "Nadia Rahman", "Oliver Smith", "Priya Nair", "Rui Gomes", "Sofia Rossi",
        "Tomás Pereira", "Yara Haddad",
    ];

    public static readonly string[] Components = ["Card Vault", "Checkout", "Landing Zone", "Kubernetes", "Portal", "Billing", "Monitoring"];

    public static readonly string[] FixVersions = ["2026.Q2", "2026.Q3", "2026.Q4", "2027.Q1"];

    // ServiceNow
    public static readonly string[] Groups = ["Service Desk", "Network Ops", "Database Admins", "Cloud Ops", "Payments Support"];
    public const int ServiceDesk = 0;
    public const int DatabaseAdmins = 2;
    public const int CloudOps = 3;
    public static readonly string[] ConfigurationItems = ["payments-api", "card-vault", "core-banking", "k8s-prod-eu", "crm", "data-lake"];
    public static readonly string[] BusinessServices = ["Online Payments", "Mobile Banking", "Customer Support", "Data Platform"];
    public static readonly string[] IncidentCategories = ["inquiry", "software", "hardware", "network", "database"];
    public static readonly string[] ChangeCategories = ["Cost optimisation", "Security", "Infrastructure", "Software"];

    public static readonly string[] UnicodeTitles = ["Café façade — 東京 rollout ✓", "Überweisung für Zürich — naïve retry ✓", "Ação de migração: São Paulo → 東京"];
    public static readonly string[] HostileTitles = ["<img src=x onerror=alert(1)> broken avatar on profile", "<script>alert('x')</script> in search box", "Title with \"quotes\" & <b>markup</b>"];
}
