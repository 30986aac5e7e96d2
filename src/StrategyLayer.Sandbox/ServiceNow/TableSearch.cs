using StrategyLayer.Sandbox.Data;

namespace StrategyLayer.Sandbox.ServiceNow;

/// <summary>Runs encoded queries over a table: filter on the index where it can, sort row numbers, build records on request.</summary>
internal sealed class TableSearch(ItemIndex index)
{
    public static readonly string[] Served = ["incident", "change_request", "problem", "task", "sys_audit_delete", "sys_dictionary"];

    private readonly ResultCache cache = new();
    private readonly Dictionary<string, SnRecord[]> dictionary = new(StringComparer.OrdinalIgnoreCase);

    public static ItemKind? KindOf(string table) => table.ToLowerInvariant() switch
    {
        "incident" => ItemKind.Incident,
        "change_request" => ItemKind.Change,
        "problem" => ItemKind.Problem,
        _ => null,
    };

    public SnTableRows Run(string table, string? query)
    {
        table = table.ToLowerInvariant();
        var generate = Generator(table);
        var all = AllRows(table);
        var key = string.Concat(table, "|", index.Stamp.ToString(System.Globalization.CultureInfo.InvariantCulture), "|", query);
        var rows = cache.GetOrAdd(key, () => Evaluate(table, query, all, generate));
        return new SnTableRows(rows, generate);
    }

    public string Get(string table, SnRow row, string field)
    {
        if (KindOf(table) is not null || table == "task")
        {
            var i = row.Row;
            switch (field)
            {
                case "sys_id":
                    return SysIds.Of(index.Seed, i);
                case "number":
                    return index.Key(i);
                case "sys_updated_on":
                    return ServiceNowGenerator.Date(index.Updated(i));
                case "assignment_group":
                    return SysIds.Named(index.Seed, "sys_user_group", Vocabulary.Groups[index.Group(i)]);
            }
        }

        return row.Record.Get(field)?.Value ?? "";
    }

    private int[] Evaluate(string table, string? query, IEnumerable<int> all, Func<int, SnRecord> generate)
    {
        var q = EncodedQueryParser.Parse(query, table, (r, f) => Get(table, r, f));
        var row = new SnRow(generate);
        var matches = new List<int>();
        foreach (var r in all)
        {
            row.Reset(r);
            if (q.Where is null || q.Where(row))
            {
                matches.Add(r);
            }
        }

        if (q.OrderBy.Count == 0)
        {
            return [.. matches];
        }

        var items = matches.ToArray();
        var keys = q.OrderBy.Select(o =>
        {
            var numeric = ServiceNowSchema.Find(table, o.Field)?.Type == "integer";
            return (Numeric: numeric, Values: items.Select(r => { row.Reset(r); return Get(table, row, o.Field); }).ToArray());
        }).ToArray();
        var positions = Enumerable.Range(0, items.Length).ToArray();
        Array.Sort(positions, (a, b) =>
        {
            for (var k = 0; k < keys.Length; k++)
            {
                var c = EncodedQueryParser.Compare(keys[k].Values[a], keys[k].Values[b], keys[k].Numeric);
                if (c != 0)
                {
                    return q.OrderBy[k].Descending ? -c : c;
                }
            }

            return items[a].CompareTo(items[b]);
        });
        return [.. positions.Select(p => items[p])];
    }

    private IEnumerable<int> AllRows(string table) => KindOf(table) is { } kind
        ? index.LiveRows(kind)
        : table == "task"
            ? index.LiveRows(ItemKind.Incident).Concat(index.LiveRows(ItemKind.Change)).Concat(index.LiveRows(ItemKind.Problem))
        : table == "sys_audit_delete"
            ? Enumerable.Range(0, index.AuditDeletes.Count)
            : Enumerable.Range(0, Dictionary().Length);

    private Func<int, SnRecord> Generator(string table)
    {
        if (KindOf(table) is not null || table == "task")
        {
            return i => ServiceNowGenerator.Generate(index, i);
        }

        if (table == "sys_audit_delete")
        {
            var audits = index.AuditDeletes;
            return r => AuditRecord(audits[r]);
        }

        var rows = Dictionary();
        return r => rows[r];
    }

    private SnRecord AuditRecord((int Index, long DeletedAt) audit)
    {
        var at = ServiceNowGenerator.Date(audit.DeletedAt);
        return new SnRecord(
        [
            SnField.Plain("sys_id", SysIds.Of(index.Seed, audit.Index, 55)),
            SnField.Plain("tablename", ServiceNowLayout.Table(index.KindOf(audit.Index))),
            SnField.Plain("documentkey", SysIds.Of(index.Seed, audit.Index)),
            SnField.Plain("display_value", index.Key(audit.Index)),
            SnField.Plain("sys_created_on", at),
            SnField.Plain("sys_created_by", "admin"),
            SnField.Plain("sys_updated_on", at),
        ]);
    }

    private SnRecord[] Dictionary()
    {
        lock (dictionary)
        {
            if (!dictionary.TryGetValue("rows", out var rows))
            {
                var created = ServiceNowGenerator.Date(index.GeneratedNowSeconds - (400L * 86_400));
                rows = [.. ServiceNowSchema.Tables.SelectMany(t => t.Value.Select(c => new SnRecord(
                [
                    SnField.Plain("sys_id", SysIds.Named(index.Seed, "sys_dictionary", t.Key + "." + c.Name)),
                    SnField.Plain("name", t.Key),
                    SnField.Plain("element", c.Name),
                    SnField.Plain("column_label", c.Label),
                    SnField.Plain("internal_type", c.Type),
                    SnField.Plain("reference", c.Reference ?? ""),
                    SnField.Plain("sys_created_on", created),
                    SnField.Plain("sys_updated_on", created),
                ])))];
                dictionary["rows"] = rows;
            }

            return rows;
        }
    }
}
