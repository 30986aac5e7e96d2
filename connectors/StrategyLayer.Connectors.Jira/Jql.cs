using System.Globalization;

namespace StrategyLayer.Connectors.Jira;

/// <summary>
/// Builds the JQL we send from the scope a user pasted: their ORDER BY is dropped (ours must
/// win for paging), their condition is parenthesised so an <c>OR</c> in it cannot swallow ours.
/// </summary>
internal static class Jql
{
    public const string ChangeOrder = "ORDER BY updated ASC, key ASC";

    /// <summary>The scope without its ORDER BY clause (matched case-insensitively, never inside quotes).</summary>
    public static string StripOrderBy(string scope)
    {
        var at = FindOrderBy(scope);
        return (at < 0 ? scope : scope[..at]).Trim();
    }

    /// <summary><c>(scope) AND extra… ORDER BY order</c>, leaving out what is empty.</summary>
    public static string Build(string scope, string order, params string?[] conditions)
    {
        var parts = new List<string>();
        var condition = StripOrderBy(scope);
        if (condition.Length > 0)
        {
            parts.Add("(" + condition + ")");
        }

        parts.AddRange(conditions.Where(c => !string.IsNullOrWhiteSpace(c))!);
        var where = string.Join(" AND ", parts);
        return order.Length == 0 ? where : (where.Length == 0 ? order : where + " " + order);
    }

    /// <summary><c>updated &gt;= "yyyy-MM-dd HH:mm"</c> in the Jira user's zone, floored to the minute (JQL has no seconds).</summary>
    public static string UpdatedSince(DateTimeOffset since, TimeZoneInfo zone) => $"updated >= \"{Minute(since, zone)}\"";

    public static string Minute(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    private static int FindOrderBy(string jql)
    {
        char? quote = null;
        for (var i = 0; i < jql.Length; i++)
        {
            var c = jql[i];
            if (quote is { } q)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
                continue;
            }

            if (IsWordAt(jql, i, "order"))
            {
                var j = i + 5;
                var spaces = j;
                while (j < jql.Length && char.IsWhiteSpace(jql[j]))
                {
                    j++;
                }

                if (j > spaces && IsWordAt(jql, j, "by"))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static bool IsWordAt(string text, int at, string word)
    {
        if (at + word.Length > text.Length || string.Compare(text, at, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }

        var before = at == 0 || !IsWordChar(text[at - 1]);
        var after = at + word.Length == text.Length || !IsWordChar(text[at + word.Length]);
        return before && after;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '.';
}
