using StrategyLayer.Domain.Items;

namespace StrategyLayer.Mapping.Query;

/// <summary>
/// The fields rules may name: the WorkItem's own, the extra ones every connector fills
/// (cmdb_ci, business_service, impact, urgency) and the custom fields named in config.
/// </summary>
public sealed class FieldCatalog
{
    private static readonly string[] KindNames = ["issue", "incident", "change", "problem", "request"];
    private static readonly string[] CategoryNames = ["todo", "inprogress", "done", "cancelled"];

    private static readonly Dictionary<string, FieldDef> BuiltIn = Build();

    private readonly Dictionary<string, FieldDef> _fields;

    /// <param name="customFields">Custom field names from config; null accepts any name as a custom field.</param>
    public FieldCatalog(IEnumerable<string>? customFields = null)
    {
        _fields = new Dictionary<string, FieldDef>(BuiltIn, StringComparer.OrdinalIgnoreCase);
        AcceptsAnyField = customFields is null;
        foreach (var name in customFields ?? [])
        {
            _fields.TryAdd(name, Custom(name));
        }
    }

    /// <summary>The catalog that accepts every built-in field and any other name as a custom field.</summary>
    public static FieldCatalog Open { get; } = new();

    public bool AcceptsAnyField { get; }

    public static IReadOnlyCollection<string> BuiltInNames => BuiltIn.Keys;

    public FieldDef? Find(string name) =>
        _fields.TryGetValue(name, out var def) ? def
        : AcceptsAnyField && IsIdentifier(name) ? Custom(name)
        : null;

    public static string KindName(WorkItemKind kind) => KindNames[(int)kind];

    public static string CategoryName(StatusCategory category) => CategoryNames[(int)category];

    internal static IReadOnlyList<string> Kinds => KindNames;

    internal static IReadOnlyList<string> Categories => CategoryNames;

    /// <summary>Reads an extra field by name; connectors may spell keys in any case.</summary>
    public static string? Extra(WorkItem item, string name)
    {
        // Items read back from a store may carry a null bag (empty ones are not stored).
        if (item.Fields is null)
        {
            return null;
        }

        if (item.Fields.TryGetValue(name, out var value))
        {
            return value;
        }

        foreach (var pair in item.Fields)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }

        return null;
    }

    private static FieldDef Custom(string name) => new(name, FieldKind.Text) { Text = i => Extra(i, name) };

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '-');

    private static Dictionary<string, FieldDef> Build()
    {
        var d = new Dictionary<string, FieldDef>(StringComparer.OrdinalIgnoreCase);
        void Text(string name, Func<WorkItem, string?> get) => d[name] = new FieldDef(name, FieldKind.Text) { Text = get };
        void Multi(string name, Func<WorkItem, IReadOnlyList<string>> get) => d[name] = new FieldDef(name, FieldKind.Multi) { Multi = get };
        void Date(string name, Func<WorkItem, DateTimeOffset?> get) => d[name] = new FieldDef(name, FieldKind.Date) { Date = get };

        Text("id", i => i.Id);
        Text("key", i => i.Key);
        Text("source", i => i.Source);
        d["kind"] = new FieldDef("kind", FieldKind.ItemKind) { Text = i => KindNames[(int)i.Kind] };
        Text("table", i => i.Table);
        Text("project", i => i.Project);
        Text("type", i => i.Type);
        Text("status", i => i.Status);
        d["category"] = new FieldDef("category", FieldKind.Category) { Text = i => CategoryNames[(int)i.Category] };
        Text("resolution", i => i.Resolution);
        d["priority"] = new FieldDef("priority", FieldKind.Priority) { Text = i => i.Priority, Number = i => i.PriorityRank };
        Text("team", i => i.Team);
        d["assignment_group"] = d["team"] with { Name = "assignment_group" };
        Text("assignee", i => i.Assignee);
        Text("reporter", i => i.Reporter);
        Multi("labels", i => i.Labels ?? []);
        Multi("components", i => i.Components ?? []);
        Multi("fixVersions", i => i.FixVersions ?? []);
        Text("parent", i => i.Parent);
        Text("epic", i => i.Epic);
        d["estimate"] = new FieldDef("estimate", FieldKind.Number) { Number = i => i.Estimate };
        Text("title", i => i.Title);
        d["summary"] = d["title"] with { Name = "summary" };
        Text("cmdb_ci", i => Extra(i, "cmdb_ci"));
        Text("business_service", i => Extra(i, "business_service"));
        Text("impact", i => Extra(i, "impact"));
        Text("urgency", i => Extra(i, "urgency"));
        Date("created", i => i.Created);
        Date("updated", i => i.Updated);
        Date("resolved", i => i.Resolved);
        Date("due", i => i.Due);
        Text("removed", i => i.Removed is null ? null : i.Removed.Reason == RemovalReason.Deleted ? "deleted" : "outofscope");
        return d;
    }
}
