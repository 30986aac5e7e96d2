using System.Globalization;

namespace StrategyLayer.Connectors.ServiceNow;

/// <summary>
/// ServiceNow encoded queries: reading the fields a scope names, and combining a scope with the
/// keyset condition. Semantics: <c>^</c> is AND, <c>^OR</c> binds tighter than <c>^</c> (so
/// <c>a^b^ORc</c> is a AND (b OR c)), and <c>^NQ</c> starts a new query OR'ed with the others.
/// </summary>
internal static class EncodedQuery
{
    public const string DateFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>A UTC instant as the Table API writes it; a plain date in a query is read as UTC.</summary>
    public static string FormatDate(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// The scope with the condition AND'ed into every <c>^NQ</c> branch (appending it once would
    /// bind it to the last branch only), without the scope's own ordering, then our ordering.
    /// </summary>
    public static string Combine(string scope, string? condition, params string[] orderBy)
    {
        // A branch left empty once its ordering is dropped is dropped too: kept as the bare
        // condition, it would OR the whole table into the scope.
        var branches = Branches(scope)
            .Select(b => b.Where(t => !IsOrdering(t)).ToList())
            .Where(b => b.Count > 0)
            .Select(b => Join(b, condition))
            .ToList();
        if (branches.Count == 0 && !string.IsNullOrEmpty(condition))
        {
            branches.Add(condition);
        }

        var query = string.Join("^NQ", branches);
        foreach (var field in orderBy)
        {
            query += (query.Length > 0 ? "^" : "") + "ORDERBY" + field;
        }

        return query;
    }

    /// <summary>
    /// The keyset condition "after (updated, id)": updated &gt; T OR (updated = T AND id &gt; ID),
    /// written in conjunctive form because ^OR binds tighter than ^:
    /// <c>updated&gt;=T ^ (updated&gt;T ^OR id&gt;ID)</c>.
    /// </summary>
    public static string After(string updatedField, string updated, string idField, string id) =>
        $"{updatedField}>={updated}^{updatedField}>{updated}^OR{idField}>{id}";

    /// <summary>Every field a query names (conditions and ORDERBY), dot-walks cut to their first field.</summary>
    public static IReadOnlyList<string> Fields(string query)
    {
        var fields = new List<string>();
        foreach (var branch in Branches(query))
        {
            foreach (var token in branch)
            {
                var term = token;
                if (term.StartsWith("ORDERBYDESC", StringComparison.Ordinal))
                {
                    term = term["ORDERBYDESC".Length..];
                }
                else if (term.StartsWith("ORDERBY", StringComparison.Ordinal))
                {
                    term = term["ORDERBY".Length..];
                }
                else if (term.StartsWith("GROUPBY", StringComparison.Ordinal))
                {
                    term = term["GROUPBY".Length..];
                }
                else if (IsDirective(term))
                {
                    continue;
                }

                var field = LeadingField(term);
                if (field.Length > 0 && !fields.Contains(field, StringComparer.Ordinal))
                {
                    fields.Add(field);
                }
            }
        }

        return fields;
    }

    /// <summary>Splits on ^NQ, then each branch into its terms (an ^OR term loses its OR).</summary>
    private static IEnumerable<IReadOnlyList<string>> Branches(string query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            yield break;
        }

        foreach (var branch in query.Trim().Split("^NQ", StringSplitOptions.None))
        {
            var terms = new List<string>();
            foreach (var raw in branch.Split('^'))
            {
                if (raw.Length == 0 || raw == "EQ")
                {
                    continue;
                }

                // Field names are lower case, so an upper-case OR prefix is the operator.
                terms.Add(raw.StartsWith("OR", StringComparison.Ordinal) && !raw.StartsWith("ORDERBY", StringComparison.Ordinal)
                    ? "\u0001" + raw[2..]
                    : raw);
            }

            yield return terms;
        }
    }

    private static string Join(IEnumerable<string> terms, string? condition)
    {
        var parts = new List<string>();
        foreach (var t in terms)
        {
            if (t.StartsWith('\u0001'))
            {
                if (parts.Count == 0)
                {
                    parts.Add(t[1..]);
                }
                else
                {
                    parts[^1] += "^OR" + t[1..];
                }
            }
            else
            {
                parts.Add(t);
            }
        }

        if (!string.IsNullOrEmpty(condition))
        {
            parts.Add(condition);
        }

        return string.Join("^", parts);
    }

    private static bool IsOrdering(string term) =>
        term.StartsWith("ORDERBY", StringComparison.Ordinal)
        || term.StartsWith("GROUPBY", StringComparison.Ordinal);

    private static bool IsDirective(string term) =>
        IsOrdering(term)
        || term.StartsWith("RLQUERY", StringComparison.Ordinal)
        || term.StartsWith("ENDRLQUERY", StringComparison.Ordinal)
        || term == "EQ";

    private static string LeadingField(string term)
    {
        if (term.StartsWith('\u0001'))
        {
            term = term[1..];
        }

        var end = 0;
        while (end < term.Length && (char.IsAsciiLetterLower(term[end]) || char.IsAsciiDigit(term[end]) || term[end] == '_' || term[end] == '.'))
        {
            end++;
        }

        var field = term[..end];
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? field[..dot] : field;
    }
}
