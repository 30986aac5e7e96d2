using System.Globalization;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Mapping.Query;

internal sealed partial class QueryCompiler
{
    private const StringComparison Ci = StringComparison.OrdinalIgnoreCase;

    private static readonly Dictionary<string, int> PriorityRanks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["highest"] = 1,
        ["critical"] = 1,
        ["blocker"] = 1,
        ["high"] = 2,
        ["major"] = 2,
        ["medium"] = 3,
        ["moderate"] = 3,
        ["low"] = 4,
        ["minor"] = 4,
        ["lowest"] = 5,
        ["planning"] = 5,
        ["trivial"] = 5,
    };

    /// <summary>Null when the value does not fit the field (an error has been recorded).</summary>
    private Func<WorkItem, bool>? CompileCompare(FieldDef field, CompareOp op, QueryValue value, int opAt = -1) => field.Kind switch
    {
        FieldKind.Multi => CompareMulti(field, op, value, opAt),
        FieldKind.Number => CompareNumber(field, op, value, opAt),
        FieldKind.Date => CompareDate(field, op, value, opAt),
        FieldKind.Priority => ComparePriority(field, op, value),
        FieldKind.ItemKind => CompareEnum(field, op, value, FieldCatalog.Kinds),
        FieldKind.Category => CompareEnum(field, op, value, FieldCatalog.Categories),
        _ => CompareText(field.Text!, op, value.Text),
    };

    private static Func<WorkItem, bool> CompareText(Func<WorkItem, string?> get, CompareOp op, string v)
    {
        var number = ParseNumber(v);
        return op switch
        {
            CompareOp.Equal => i => string.Equals(get(i), v, Ci),
            CompareOp.NotEqual => i => !string.Equals(get(i), v, Ci),
            CompareOp.Contains => i => get(i) is { } s && s.Contains(v, Ci),
            _ => i => get(i) is { } s && Holds(op, number is { } n && LeadingNumber(s) is { } x ? x.CompareTo(n) : string.Compare(s, v, Ci)),
        };
    }

    private Func<WorkItem, bool>? CompareEnum(FieldDef field, CompareOp op, QueryValue value, IReadOnlyList<string> names)
    {
        if (op is CompareOp.Contains or CompareOp.Less or CompareOp.LessOrEqual or CompareOp.Greater or CompareOp.GreaterOrEqual)
        {
            return CompareText(field.Text!, op, value.Text);
        }

        var canonical = new string(value.Text.Where(char.IsLetter).ToArray()).ToLowerInvariant();
        canonical = canonical == "canceled" ? "cancelled" : canonical;
        if (!names.Contains(canonical))
        {
            Error(value.Start, $"'{value.Text}' is not a {field.Name}: use one of {string.Join(", ", names)}");
            return null;
        }

        return CompareText(field.Text!, op, canonical);
    }

    private Func<WorkItem, bool>? CompareMulti(FieldDef field, CompareOp op, QueryValue value, int opAt)
    {
        var get = field.Multi!;
        var v = value.Text;
        switch (op)
        {
            case CompareOp.Equal:
                return i => Has(get(i), v);
            case CompareOp.NotEqual:
                return i => !Has(get(i), v);
            case CompareOp.Contains:
                return i =>
                {
                    var values = get(i);
                    for (var k = 0; k < values.Count; k++)
                    {
                        if (values[k].Contains(v, Ci))
                        {
                            return true;
                        }
                    }

                    return false;
                };
            default:
                Error(opAt >= 0 ? opAt : value.Start, $"{field.Name} holds several values: use =, !=, ~, in, not in or is empty, not an ordering");
                return null;
        }
    }

    private static bool Has(IReadOnlyList<string> values, string v)
    {
        for (var k = 0; k < values.Count; k++)
        {
            if (string.Equals(values[k], v, Ci))
            {
                return true;
            }
        }

        return false;
    }

    private Func<WorkItem, bool>? CompareNumber(FieldDef field, CompareOp op, QueryValue value, int opAt)
    {
        if (ParseNumber(value.Text) is not { } n)
        {
            Error(value.Start, $"{field.Name} is a number: '{value.Text}' is not one");
            return null;
        }

        if (op == CompareOp.Contains)
        {
            Error(opAt >= 0 ? opAt : value.Start, $"'~' (contains) does not apply to the number field {field.Name}");
            return null;
        }

        var get = field.Number!;
        return op switch
        {
            CompareOp.NotEqual => i => get(i) != n,
            _ => i => get(i) is { } x && Holds(op, x.CompareTo(n)),
        };
    }

    private Func<WorkItem, bool>? ComparePriority(FieldDef field, CompareOp op, QueryValue value)
    {
        var label = field.Text!;
        var rank = field.Number!;
        var v = value.Text;
        if (op == CompareOp.Contains)
        {
            return i => label(i) is { } s && s.Contains(v, Ci);
        }

        int? target = int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r
            : PriorityRanks.TryGetValue(v, out var known) ? known : null;
        if (op is CompareOp.Equal or CompareOp.NotEqual)
        {
            // "priority = High" matches the label as shown ("High", "2 - High") or, for a known label, the rank.
            Func<WorkItem, bool> eq = i => LabelIs(label(i), v) || (target is { } t && rank(i) is { } x && (int)x == t);
            return op == CompareOp.Equal ? eq : i => !eq(i);
        }

        if (target is not { } rankValue)
        {
            Error(value.Start, $"priority '{v}' has no known rank: compare with a number (1 highest) or one of {string.Join(", ", PriorityRanks.Keys.Take(5))}");
            return null;
        }

        return i => rank(i) is { } x && Holds(op, ((int)x).CompareTo(rankValue));
    }

    private static bool LabelIs(string? label, string v)
    {
        if (label is null)
        {
            return false;
        }

        if (string.Equals(label, v, Ci))
        {
            return true;
        }

        // ServiceNow shows "2 - High": the words after the dash are the label.
        var dash = label.IndexOf(" - ", StringComparison.Ordinal);
        return dash > 0 && string.Equals(label[(dash + 3)..], v, Ci);
    }

    private static bool Holds(CompareOp op, int cmp) => op switch
    {
        CompareOp.Equal => cmp == 0,
        CompareOp.NotEqual => cmp != 0,
        CompareOp.Less => cmp < 0,
        CompareOp.LessOrEqual => cmp <= 0,
        CompareOp.Greater => cmp > 0,
        _ => cmp >= 0,
    };

    internal static double? ParseNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;

    /// <summary>"1 - High" → 1; "3" → 3; "abc" → null.</summary>
    private static double? LeadingNumber(string s)
    {
        var end = 0;
        while (end < s.Length && (char.IsAsciiDigit(s[end]) || s[end] == '.' || (end == 0 && s[end] == '-')))
        {
            end++;
        }

        return end == 0 ? null : ParseNumber(s[..end]);
    }
}
