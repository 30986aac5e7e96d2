using System.Collections.Concurrent;
using StrategyLayer.Sandbox.Data;

namespace StrategyLayer.Sandbox.ServiceNow;

/// <summary>
/// Runs encoded queries over a table: filter on the index where it can, sort row numbers, build records on request.
/// A keyset-paged read (<c>sys_updated_on&gt;X^ORsys_id&gt;Y</c>, a new query on every page) would otherwise
/// generate and sort every row of the table per page: the column values the conditions read and the
/// rows in ORDERBY order are kept per index stamp, so a page costs one pass of cheap comparisons.
/// </summary>
internal sealed class TableSearch(ItemIndex index)
{
    public static readonly string[] Served = ["incident", "change_request", "problem", "task", "sys_audit_delete", "sys_dictionary"];

    private readonly ResultCache cache = new();
    private readonly Dictionary<string, SnRecord[]> dictionary = new(StringComparer.OrdinalIgnoreCase);
    private StampedColumns columns = new(-1);

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
        // Rows of the item tables are the index's rows, whose values change only with the stamp.
        Func<SnRow, string, string> get = (r, f) => Get(table, r, f);
        StampedColumns? kept = null;
        if (KindOf(table) is not null || table == "task")
        {
            kept = Columns();
            get = (r, f) =>
            {
                var values = kept.Values.GetOrAdd(f, _ => new string?[index.Count]);
                return values[r.Row] ??= Get(table, r, f);
            };
        }

        var q = EncodedQueryParser.Parse(query, table, get);
        var row = new SnRow(generate);
        var ordered = q.OrderBy.Count == 0
            ? all
            : kept is null
                ? Sort(table, q.OrderBy, all, row, get)
                : kept.Orders.GetOrAdd(table + "|" + string.Join(",", q.OrderBy), _ => Sort(table, q.OrderBy, all, row, get));
        var matches = new List<int>();
        foreach (var r in ordered)
        {
            row.Reset(r);
            if (q.Where is null || q.Where(row))
            {
                matches.Add(r);
            }
        }

        return [.. matches];
    }

    /// <summary>Every row in ORDERBY order, ties by row number: filtering keeps this order.</summary>
    private static int[] Sort(string table, IReadOnlyList<(string Field, bool Descending)> orderBy, IEnumerable<int> all, SnRow row, Func<SnRow, string, string> get)
    {
        var items = all.ToArray();
        var keys = orderBy.Select(o =>
        {
            var numeric = ServiceNowSchema.Find(table, o.Field)?.Type == "integer";
            return (Numeric: numeric, Values: items.Select(r => { row.Reset(r); return get(row, o.Field); }).ToArray());
        }).ToArray();
        var positions = Enumerable.Range(0, items.Length).ToArray();
        Array.Sort(positions, (a, b) =>
        {
            for (var k = 0; k < keys.Length; k++)
            {
                var c = EncodedQueryParser.Compare(keys[k].Values[a], keys[k].Values[b], keys[k].Numeric);
                if (c != 0)
                {
                    return orderBy[k].Descending ? -c : c;
                }
            }

            return items[a].CompareTo(items[b]);
        });
        return [.. positions.Select(p => items[p])];
    }

    /// <summary>The kept column values and row orders of the index as it is now (a mutation starts them afresh).</summary>
    private StampedColumns Columns()
    {
        var stamp = index.Stamp;
        var current = Volatile.Read(ref columns);
        if (current.Stamp == stamp)
        {
            return current;
        }

        var fresh = new StampedColumns(stamp);
        Interlocked.CompareExchange(ref columns, fresh, current);
        return fresh;
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

    /// <summary>Column values by row (null: not read yet) and row orders by ORDERBY keys, valid for one index stamp.</summary>
    private sealed class StampedColumns(long stamp)
    {
        public long Stamp { get; } = stamp;

        public ConcurrentDictionary<string, string?[]> Values { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, int[]> Orders { get; } = new(StringComparer.Ordinal);
    }
}
