using StrategyLayer.Sandbox.Data;

namespace StrategyLayer.Sandbox.Jira;

/// <summary>
/// The JQL subset the connectors and the demo use, parsed straight into predicates over the
/// index. Anything outside it is refused with the error Jira would give.
/// </summary>
internal sealed partial class JqlParser
{
    private static readonly string[] SortableFields = ["updated", "created", "key", "issuekey", "id"];
    private readonly List<JqlToken> tokens;
    private readonly ItemIndex index;
    private readonly TimeZoneInfo zone;
    private readonly DateTimeOffset now;
    private int pos;

    private JqlParser(string jql, ItemIndex index, TimeZoneInfo zone, DateTimeOffset now)
    {
        tokens = JqlLexer.Tokenize(jql);
        this.index = index;
        this.zone = zone;
        this.now = now;
    }

    private JqlToken Peek => tokens[pos];

    public static JqlQuery Parse(string? jql, ItemIndex index, TimeZoneInfo zone, DateTimeOffset now)
    {
        var parser = new JqlParser(jql ?? "", index, zone, now);
        return parser.ParseQuery();
    }

    private JqlQuery ParseQuery()
    {
        Func<JiraRow, bool>? where = null;
        if (Peek.Kind != JqlTokenKind.End && !Peek.Is("order"))
        {
            where = ParseOr();
        }

        var order = new List<(string, bool)>();
        if (Peek.Is("order"))
        {
            pos++;
            Expect(t => t.Is("by"), "'by'");
            do
            {
                var field = Next();
                if (field.Kind is not (JqlTokenKind.Word or JqlTokenKind.String))
                {
                    throw Expecting("a field name", field);
                }

                var name = field.Text.ToLowerInvariant();
                if (!SortableFields.Contains(name))
                {
                    throw new JqlException(KnownField(name)
                        ? $"Field '{field.Text}' does not support sorting in this Jira."
                        : $"Field '{field.Text}' does not exist or you do not have permission to view it.");
                }

                var descending = false;
                if (Peek.Is("asc") || Peek.Is("desc"))
                {
                    descending = Next().Is("desc");
                }

                order.Add((name == "issuekey" ? "key" : name, descending));
            }
            while (TryTake(JqlTokenKind.Comma));

            if (order.Count > 7)
            {
                throw new JqlException("The ORDER BY clause can have at most 7 fields.");
            }
        }

        if (Peek.Kind != JqlTokenKind.End)
        {
            throw Expecting("either 'OR' or 'AND'", Peek);
        }

        return new JqlQuery(where, order);
    }

    private Func<JiraRow, bool> ParseOr()
    {
        var left = ParseAnd();
        while (Peek.Is("or"))
        {
            pos++;
            var l = left;
            var r = ParseAnd();
            left = row => l(row) || r(row);
        }

        return left;
    }

    private Func<JiraRow, bool> ParseAnd()
    {
        var left = ParseUnary();
        while (Peek.Is("and"))
        {
            pos++;
            var l = left;
            var r = ParseUnary();
            left = row => l(row) && r(row);
        }

        return left;
    }

    private Func<JiraRow, bool> ParseUnary()
    {
        if (Peek.Is("not"))
        {
            pos++;
            var inner = ParseUnary();
            return row => !inner(row);
        }

        if (TryTake(JqlTokenKind.LeftParen))
        {
            var inner = ParseOr();
            Expect(t => t.Kind == JqlTokenKind.RightParen, "')'");
            return inner;
        }

        return ParseClause();
    }

    private Func<JiraRow, bool> ParseClause()
    {
        var fieldToken = Next();
        if (fieldToken.Kind is not (JqlTokenKind.Word or JqlTokenKind.String) || IsKeyword(fieldToken))
        {
            throw Expecting("a field name", fieldToken);
        }

        var field = fieldToken.Text.ToLowerInvariant();
        if (!KnownField(field))
        {
            throw new JqlException($"Field '{fieldToken.Text}' does not exist or you do not have permission to view it.");
        }

        string op;
        var opToken = Next();
        if (opToken.Kind == JqlTokenKind.Operator)
        {
            op = opToken.Text;
        }
        else if (opToken.Is("in"))
        {
            op = "in";
        }
        else if (opToken.Is("not") && Peek.Is("in"))
        {
            pos++;
            op = "not in";
        }
        else if (opToken.Is("is"))
        {
            op = Peek.Is("not") ? "is not" : "is";
            if (op == "is not")
            {
                pos++;
            }

            var empty = Next();
            if (!empty.Is("empty") && !empty.Is("null"))
            {
                throw Expecting("'EMPTY' or 'NULL'", empty);
            }

            return Empty(field, fieldToken.Text, op == "is");
        }
        else
        {
            throw Expecting("operator", opToken);
        }

        var values = new List<string>();
        if (op is "in" or "not in")
        {
            Expect(t => t.Kind == JqlTokenKind.LeftParen, "'('");
            do
            {
                values.Add(Value());
            }
            while (TryTake(JqlTokenKind.Comma));

            Expect(t => t.Kind == JqlTokenKind.RightParen, "')'");
        }
        else
        {
            values.Add(Value());
        }

        return Clause(field, fieldToken.Text, op, values);
    }

    private string Value()
    {
        var t = Next();
        if (t.Kind == JqlTokenKind.String)
        {
            return t.Text;
        }

        if (t.Kind != JqlTokenKind.Word || IsKeyword(t))
        {
            throw Expecting("a value", t);
        }

        if (Peek.Kind == JqlTokenKind.LeftParen)
        {
            pos++;
            Expect(x => x.Kind == JqlTokenKind.RightParen, "')'");
            if (!t.Is("now"))
            {
                throw new JqlException($"Unable to find JQL function '{t.Text}()'.");
            }

            return now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return t.Text;
    }

    private JqlToken Next() => tokens[pos < tokens.Count - 1 ? pos++ : pos];

    private bool TryTake(JqlTokenKind kind)
    {
        if (Peek.Kind != kind)
        {
            return false;
        }

        pos++;
        return true;
    }

    private void Expect(Func<JqlToken, bool> ok, string what)
    {
        var t = Next();
        if (!ok(t))
        {
            throw Expecting(what, t);
        }
    }

    private static bool IsKeyword(JqlToken t) => t.Is("and") || t.Is("or") || t.Is("not") || t.Is("order") || t.Is("in") || t.Is("is");

    private static JqlException Expecting(string what, JqlToken got) => new(got.Kind == JqlTokenKind.End
        ? $"Error in the JQL Query: Expecting {what} but reached the end of the query. (line 1, character {got.Position + 1})"
        : $"Error in the JQL Query: Expecting {what} but got '{got.Text}'. (line 1, character {got.Position + 1})");
}
