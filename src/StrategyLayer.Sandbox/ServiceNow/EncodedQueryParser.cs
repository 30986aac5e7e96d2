using System.Globalization;
using StrategyLayer.Sandbox.Data;

namespace StrategyLayer.Sandbox.ServiceNow;

/// <summary>
/// ServiceNow encoded queries: <c>^</c> (and), <c>^OR</c>, <c>^NQ</c> (new query, or-ed), ORDERBY /
/// ORDERBYDESC. A condition on a column the table does not have is dropped silently, as the
/// real instance does: the rows still come back.
/// </summary>
internal static class EncodedQueryParser
{
    private static readonly string[] Operators =
        ["ISNOTEMPTY", "ISEMPTY", "STARTSWITH", "ENDSWITH", "NOT LIKE", "NOTLIKE", "LIKE", "NOT IN", "NOTIN", "IN", "!=", ">=", "<=", "=", ">", "<"];

    // Columns TableSearch answers from the index without generating the row.
    private static readonly string[] IndexedColumns = ["sys_id", "number", "sys_updated_on", "assignment_group"];

    public static SnQuery Parse(string? query, string table, Func<SnRow, string, string> get)
    {
        var order = new List<(string, bool)>();
        Func<SnRow, bool>? where = null;
        foreach (var group in (query ?? "").Split("^NQ"))
        {
            // Each AND-ed term is an OR chain; chains on indexed columns run first so rows are only generated when needed.
            var chains = new List<(Func<SnRow, bool> Test, bool Cheap)>();
            foreach (var raw in group.Split('^'))
            {
                var term = raw.Trim();
                if (term.Length == 0 || term == "EQ")
                {
                    continue;
                }

                if (term.StartsWith("ORDERBYDESC", StringComparison.Ordinal))
                {
                    AddOrder(order, table, term["ORDERBYDESC".Length..], true);
                    continue;
                }

                if (term.StartsWith("ORDERBY", StringComparison.Ordinal))
                {
                    AddOrder(order, table, term["ORDERBY".Length..], false);
                    continue;
                }

                var isOr = term.StartsWith("OR", StringComparison.Ordinal) && term.Length > 2;
                var condition = Condition(isOr ? term[2..] : term, table, get);
                if (condition is null)
                {
                    // Unknown column or unreadable condition: ignored, like the real Table API.
                    continue;
                }

                if (isOr && chains.Count > 0)
                {
                    var (left, cheap) = chains[^1];
                    var right = condition.Value.Test;
                    chains[^1] = (row => left(row) || right(row), cheap && condition.Value.Cheap);
                }
                else
                {
                    chains.Add(condition.Value);
                }
            }

            Func<SnRow, bool>? all = null;
            foreach (var (test, _) in chains.OrderBy(c => c.Cheap ? 0 : 1))
            {
                all = And(all, test);
            }

            var groupWhere = all ?? (_ => true);
            where = where is null ? groupWhere : Or(where, groupWhere);
        }

        return new SnQuery(where, order);
    }

    private static Func<SnRow, bool>? And(Func<SnRow, bool>? a, Func<SnRow, bool>? b) =>
        a is null ? b : b is null ? a : row => a(row) && b(row);

    private static Func<SnRow, bool> Or(Func<SnRow, bool> a, Func<SnRow, bool> b) => row => a(row) || b(row);

    private static void AddOrder(List<(string, bool)> order, string table, string field, bool descending)
    {
        if (ServiceNowSchema.Find(table, field.Trim()) is not null)
        {
            order.Add((field.Trim().ToLowerInvariant(), descending));
        }
    }

    private static (Func<SnRow, bool> Test, bool Cheap)? Condition(string term, string table, Func<SnRow, string, string> get)
    {
        var end = 0;
        while (end < term.Length && (char.IsAsciiLetterLower(term[end]) || char.IsAsciiDigit(term[end]) || term[end] is '_' or '.'))
        {
            end++;
        }

        var field = term[..end];
        var rest = term[end..];
        var op = Operators.FirstOrDefault(o => rest.StartsWith(o, StringComparison.Ordinal));
        if (field.Length == 0 || op is null)
        {
            return null;
        }

        var dot = field.IndexOf('.', StringComparison.Ordinal);
        var column = ServiceNowSchema.Find(table, dot < 0 ? field : field[..dot]);
        if (column is null || (dot >= 0 && column.Reference is null))
        {
            return null;
        }

        var value = Normalise(rest[op.Length..], column.Type);
        var byDisplay = dot >= 0;
        var name = column.Name;
        Func<SnRow, string> read = column.Reference is null
            ? row => get(row, name)
            : byDisplay ? row => row.Record.Get(name)?.Display ?? "" : row => get(row, name);
        static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        var numeric = column.Type == "integer";

        var cheap = !byDisplay && IndexedColumns.Contains(name) && op is not ("=" or "!=");
        Func<SnRow, bool> test = op switch
        {
            "ISEMPTY" => row => read(row).Length == 0,
            "ISNOTEMPTY" => row => read(row).Length > 0,
            "STARTSWITH" => row => read(row).StartsWith(value, StringComparison.OrdinalIgnoreCase),
            "ENDSWITH" => row => read(row).EndsWith(value, StringComparison.OrdinalIgnoreCase),
            "LIKE" => row => read(row).Contains(value, StringComparison.OrdinalIgnoreCase),
            "NOT LIKE" or "NOTLIKE" => row => !read(row).Contains(value, StringComparison.OrdinalIgnoreCase),
            "IN" => InList(value, read, false),
            "NOT IN" or "NOTIN" => InList(value, read, true),
            "=" => row => Same(read(row), value) || (column.Reference is not null && !byDisplay && ReferenceDisplayEquals(row, name, value)),
            "!=" => row => !(Same(read(row), value) || (column.Reference is not null && !byDisplay && ReferenceDisplayEquals(row, name, value))),
            _ => row => Compare(read(row), value, numeric) is var c && op switch { ">" => c > 0, ">=" => c >= 0, "<" => c < 0, _ => c <= 0 },
        };
        return (test, cheap || (IndexedColumns.Contains(name) && column.Reference is null));
    }

    // A reference compared with a name instead of a sys_id still matches, as the instance resolves display values.
    private static bool ReferenceDisplayEquals(SnRow row, string name, string value) =>
        string.Equals(row.Record.Get(name)?.Display, value, StringComparison.OrdinalIgnoreCase);

    private static Func<SnRow, bool> InList(string value, Func<SnRow, string> read, bool negate)
    {
        var set = value.Split(',').Select(v => v.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return row => set.Contains(read(row)) != negate;
    }

    public static int Compare(string a, string b, bool numeric) =>
        numeric && double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : string.CompareOrdinal(a, b);

    private static string Normalise(string value, string type)
    {
        if (type != "glide_date_time")
        {
            return value;
        }

        // javascript:gs.dateGenerate('2026-11-01','12:00:00') and bare dates, both as stored UTC text.
        const string generate = "javascript:gs.dateGenerate(";
        if (value.StartsWith(generate, StringComparison.Ordinal))
        {
            var parts = value[generate.Length..].TrimEnd(')').Split(',').Select(p => p.Trim().Trim('\'')).ToArray();
            value = parts.Length == 2 ? parts[0] + " " + (parts[1] switch { "start" => "00:00:00", "end" => "23:59:59", var t => t }) : parts[0];
        }

        return value.Length == 10 ? value + " 00:00:00" : value;
    }
}
