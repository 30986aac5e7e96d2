using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Connectors.Text;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Connectors.ServiceNow;

/// <summary>Turns Table API rows into <see cref="WorkItem"/>s, or quarantined records saying why not.</summary>
internal sealed class ItemNormalizer
{
    /// <summary>Kept in <see cref="WorkItem.Fields"/> (display values) when the table has them.</summary>
    public static readonly IReadOnlyList<string> ExtraFields = ["cmdb_ci", "business_service", "impact", "urgency", "category", "close_code"];

    private static readonly string[] CoreFields =
    [
        "sys_id", "number", "short_description", "description", "state", "active", "priority", "impact", "urgency",
        "category", "assignment_group", "assigned_to", "opened_by", "cmdb_ci", "business_service", "close_code",
        "opened_at", "sys_created_on", "sys_updated_on", "resolved_at", "closed_at", "start_date", "end_date", "due_date",
        "parent", "parent_incident", "problem_id", "rfc", "caused_by",
    ];

    private readonly SourceSettings _settings;
    private readonly string _browseBase;

    public ItemNormalizer(SourceSettings settings)
    {
        _settings = settings;
        _browseBase = settings.BaseUrl.ToString().TrimEnd('/');
        var fields = new List<string>(CoreFields);
        foreach (var extra in settings.Fields.Values.Append(settings.TeamField))
        {
            if (!string.IsNullOrWhiteSpace(extra) && !fields.Contains(extra, StringComparer.Ordinal))
            {
                fields.Add(extra);
            }
        }

        SysparmFields = string.Join(",", fields);
    }

    /// <summary>The explicit <c>sysparm_fields</c> list (unknown fields are left out of answers, not refused).</summary>
    public string SysparmFields { get; }

    /// <summary>
    /// Normalizes one row whatever it holds: text that cannot be read as it came (bytes that are not
    /// UTF-8, a lone surrogate) is kept with U+FFFD and named in <see cref="SourceRecord.Replaced"/>;
    /// a row that cannot be normalized becomes a <see cref="QuarantinedRecord"/> with its number and page.
    /// </summary>
    /// <param name="table">The table the row came from.</param>
    /// <param name="row">The row's JSON.</param>
    /// <param name="page">The page of the read (1-based), or null for a read by id.</param>
    /// <param name="where">Where it was read, for the quarantine reason (<c>table incident, page 2</c>).</param>
    public (SourceRecord? Record, QuarantinedRecord? Quarantined) Normalize(string table, JsonElement row, int? page, string where)
    {
        RepairedJson? repaired = null;
        try
        {
            IReadOnlyList<ReplacedText> replaced = [];
            if (LenientJson.MayNeedRepair(row))
            {
                repaired = LenientJson.Repair(row);
                if (repaired.Damage.Count > 0)
                {
                    row = repaired.Root;
                    // display_value and value of one field are one field to a person.
                    replaced = [.. repaired.Damage.Select(d => d with { Field = FieldName(d.Field), Page = page }).DistinctBy(d => d.Field)];
                }
            }

            var (record, bad) = Normalize(table, row, page, where, replaced);
            return (record, bad);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever else the row's content breaks costs this row only: the page goes on.
            var r = new TableRecord(row);
            return (null, Quarantine(table, r.Display("number"), r.Value("sys_id"), page, $"{where}: {r.Display("number") ?? "a row"} cannot be read: {e.Message}", LenientJson.ToJsonText(row)));
        }
        finally
        {
            repaired?.Dispose();
        }
    }

    private (SourceRecord? Record, QuarantinedRecord? Quarantined) Normalize(string table, JsonElement row, int? page, string where, IReadOnlyList<ReplacedText> replaced)
    {
        var r = new TableRecord(row);
        // The raw record is the row's JSON as ServiceNow sent it, copied out of the page (no re-encoding).
        var raw = JsonMarshal.GetRawUtf8Value(row).ToArray();
        var sysId = r.Value("sys_id");
        var number = r.Display("number");
        if (row.ValueKind != JsonValueKind.Object)
        {
            return (null, Quarantine(table, null, null, page, $"{where}: the row is not a JSON object", Text(raw)));
        }

        if (sysId is null || number is null)
        {
            return (null, Quarantine(table, number, sysId, page, $"{where}: {(sysId is null ? "no sys_id" : "no number")}", Text(raw)));
        }

        try
        {
            return (new SourceRecord(Build(table, r, sysId, number), raw) { Replaced = replaced }, null);
        }
        catch (FormatException e)
        {
            return (null, Quarantine(table, number, sysId, page, $"{where}: {number}: {e.Message}", Text(raw)));
        }
    }

    /// <summary><c>short_description.display_value</c> → <c>short_description</c>: the field a ServiceNow user knows.</summary>
    private static string FieldName(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? path : path[..dot];
    }

    private WorkItem Build(string table, TableRecord r, string sysId, string number)
    {
        var updated = r.Date("sys_updated_on") ?? throw new FormatException("field sys_updated_on: empty");
        var created = r.Date("opened_at") ?? r.Date("sys_created_on") ?? updated;
        var stateCode = r.Value("state");
        var stateLabel = r.Display("state");
        bool? active = r.Value("active") is { } a ? string.Equals(a, "true", StringComparison.OrdinalIgnoreCase) : null;
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var f in ExtraFields)
        {
            if (r.Has(f))
            {
                fields[f] = r.Display(f);
            }
        }

        foreach (var (name, upstream) in _settings.Fields)
        {
            fields[name] = r.Display(upstream);
        }

        return new WorkItem
        {
            Source = _settings.Name,
            SourceId = sysId,
            Key = number,
            Kind = TableStates.Kind(table),
            Table = table,
            Project = table,
            Title = r.Display("short_description") ?? "",
            Description = r.Display("description"),
            Status = stateLabel ?? stateCode ?? "",
            StatusCode = stateCode,
            Category = TableStates.Category(table, stateCode, stateLabel, active),
            Resolution = r.Display("close_code"),
            Type = r.Display("category"),
            Priority = r.Display("priority"),
            PriorityRank = int.TryParse(r.Value("priority"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var rank) && rank is >= 1 and <= 5 ? rank : null,
            Team = r.Display(_settings.TeamField ?? "assignment_group"),
            Assignee = r.Display("assigned_to"),
            Reporter = r.Display("opened_by"),
            Parent = r.Display("parent") ?? r.Display("parent_incident"),
            Links = Links(r),
            Created = created,
            Updated = updated,
            Resolved = r.Date("resolved_at") ?? r.Date("closed_at"),
            Due = r.Date("due_date") ?? r.Date("end_date"),
            BrowseUrl = $"{_browseBase}/{table}.do?sys_id={Uri.EscapeDataString(sysId)}",
            Fields = fields,
        };
    }

    private static IReadOnlyList<ItemLink> Links(TableRecord r)
    {
        var links = new List<ItemLink>();
        if (r.Display("problem_id") is { } problem)
        {
            links.Add(new ItemLink(LinkTypes.Problem, problem));
        }

        foreach (var field in new[] { "rfc", "caused_by" })
        {
            if (r.Display(field) is { } change && !links.Exists(l => l.Type == LinkTypes.Change && l.TargetKey == change))
            {
                links.Add(new ItemLink(LinkTypes.Change, change));
            }
        }

        return links;
    }

    private static string Text(byte[] raw) => System.Text.Encoding.UTF8.GetString(raw);

    private QuarantinedRecord Quarantine(string table, string? key, string? sysId, int? page, string reason, string raw) =>
        new(_settings.Name, table, key, sysId, reason, raw) { Page = page };
}
