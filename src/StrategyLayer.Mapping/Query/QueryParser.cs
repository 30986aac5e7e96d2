namespace StrategyLayer.Mapping.Query;

/// <summary>
/// Recursive descent over: <c>or := and ("or" and)*</c>, <c>and := unary ("and" unary)*</c>,
/// <c>unary := "not" unary | "(" or ")" | condition</c>. Never throws anything but positioned errors.
/// </summary>
public sealed class QueryParser
{
    // Deeper nesting than this is never written by a person; refusing it keeps the stack safe.
    private const int MaxDepth = 64;

    private readonly string _text;
    private readonly List<QueryToken> _tokens;
    private int _pos;
    private int _depth;

    private QueryParser(string text)
    {
        _text = text;
        _tokens = QueryLexer.Tokenize(text);
    }

    /// <summary>Parses, or returns the first syntax error with its position.</summary>
    public static bool TryParse(string text, out QueryNode? node, out QueryError? error)
    {
        node = null;
        error = null;
        try
        {
            var parser = new QueryParser(text);
            if (parser.Peek.Kind == TokenKind.End)
            {
                throw RuleSyntaxError.At(text, 0, "the query is empty");
            }

            node = parser.ParseOr();
            if (parser.Peek.Kind != TokenKind.End)
            {
                throw RuleSyntaxError.At(text, parser.Peek.Start, $"unexpected '{Show(parser.Peek)}': expected 'and', 'or' or the end");
            }

            return true;
        }
        catch (RuleSyntaxError ex)
        {
            error = ex.First;
            return false;
        }
    }

    /// <summary>Parses or throws <see cref="RuleSyntaxError"/>.</summary>
    public static QueryNode Parse(string text) =>
        TryParse(text, out var node, out var error) ? node! : throw new RuleSyntaxError(text, [error!]);

    private QueryToken Peek => _tokens[_pos];

    private QueryToken Next() => _tokens[_pos++];

    private QueryNode ParseOr()
    {
        var left = ParseAnd();
        while (Peek.IsWord("or"))
        {
            Next();
            left = new OrNode(left, ParseAnd());
        }

        return left;
    }

    private QueryNode ParseAnd()
    {
        var left = ParseUnary();
        while (Peek.IsWord("and"))
        {
            Next();
            left = new AndNode(left, ParseUnary());
        }

        return left;
    }

    private QueryNode ParseUnary()
    {
        if (++_depth > MaxDepth)
        {
            throw RuleSyntaxError.At(_text, Peek.Start, $"the query nests deeper than {MaxDepth} levels");
        }

        try
        {
            var t = Peek;
            if (t.IsWord("not"))
            {
                Next();
                var inner = ParseUnary();
                return new NotNode(inner, t.Start, inner.End);
            }

            if (t.Kind == TokenKind.LParen)
            {
                Next();
                var inner = ParseOr();
                var close = Expect(TokenKind.RParen, "expected ')' to close the '(' at column " + (t.Start + 1));
                return new GroupNode(inner, t.Start, close.End);
            }

            return ParseCondition();
        }
        finally
        {
            _depth--;
        }
    }

    private QueryNode ParseCondition()
    {
        var t = Peek;
        if (t.Kind is not (TokenKind.Word or TokenKind.String) || IsKeyword(t))
        {
            throw RuleSyntaxError.At(_text, t.Start, t.Kind == TokenKind.End
                ? "the query ends where a condition was expected"
                : $"expected a field name, found '{Show(t)}'");
        }

        Next();
        var field = new FieldRef(t.Text, t.Start, t.End);
        var op = Peek;
        if (op.Kind == TokenKind.Operator)
        {
            Next();
            var value = ParseValue();
            var cmp = op.Text switch
            {
                "=" => CompareOp.Equal,
                "!=" => CompareOp.NotEqual,
                "<" => CompareOp.Less,
                "<=" => CompareOp.LessOrEqual,
                ">" => CompareOp.Greater,
                ">=" => CompareOp.GreaterOrEqual,
                _ => CompareOp.Contains,
            };

            // JQL's "= EMPTY" and "!= EMPTY" (bare, not quoted) mean "is empty" and "is not empty".
            if (!value.Quoted && cmp is CompareOp.Equal or CompareOp.NotEqual && IsEmptyWord(value.Text))
            {
                return new EmptyNode(field, cmp == CompareOp.NotEqual, field.Start, value.End);
            }

            return new CompareNode(field, cmp, value, field.Start, value.End) { OpStart = op.Start };
        }

        if (op.IsWord("in"))
        {
            Next();
            return ParseList(field, false);
        }

        if (op.IsWord("not"))
        {
            Next();
            if (!Peek.IsWord("in"))
            {
                throw RuleSyntaxError.At(_text, Peek.Start, "expected 'in' after 'not'");
            }

            Next();
            return ParseList(field, true);
        }

        if (op.IsWord("is"))
        {
            Next();
            var negated = false;
            if (Peek.IsWord("not"))
            {
                Next();
                negated = true;
            }

            var e = Peek;
            if (e.Kind != TokenKind.Word || !IsEmptyWord(e.Text))
            {
                throw RuleSyntaxError.At(_text, e.Start, "expected 'empty' after 'is" + (negated ? " not'" : "'"));
            }

            Next();
            return new EmptyNode(field, negated, field.Start, e.End);
        }

        throw RuleSyntaxError.At(_text, op.Start, op.Kind == TokenKind.End
            ? $"the query ends after '{field.Name}': expected an operator (=, !=, <, <=, >, >=, ~, in, not in, is empty)"
            : $"expected an operator after '{field.Name}' (=, !=, <, <=, >, >=, ~, in, not in, is empty), found '{Show(op)}'");
    }

    private InNode ParseList(FieldRef field, bool negated)
    {
        Expect(TokenKind.LParen, "expected '(' to start the list of values");
        var values = new List<QueryValue> { ParseValue() };
        while (Peek.Kind == TokenKind.Comma)
        {
            Next();
            values.Add(ParseValue());
        }

        var close = Expect(TokenKind.RParen, "expected ',' or ')' in the list of values");
        return new InNode(field, negated, values, field.Start, close.End);
    }

    private QueryValue ParseValue()
    {
        var t = Peek;
        if (t.Kind == TokenKind.String || (t.Kind == TokenKind.Word && !t.IsWord("and") && !t.IsWord("or")))
        {
            Next();
            return new QueryValue(t.Text, t.Kind == TokenKind.String, t.Start, t.End);
        }

        throw RuleSyntaxError.At(_text, t.Start, t.Kind == TokenKind.End
            ? "the query ends where a value was expected"
            : $"expected a value, found '{Show(t)}' (quote values that are keywords or contain spaces)");
    }

    private QueryToken Expect(TokenKind kind, string message)
    {
        var t = Peek;
        if (t.Kind != kind)
        {
            throw RuleSyntaxError.At(_text, t.Start, t.Kind == TokenKind.End ? message + ", but the query ends" : $"{message}, found '{Show(t)}'");
        }

        return Next();
    }

    private static bool IsKeyword(QueryToken t) =>
        t.Kind == TokenKind.Word && (t.IsWord("and") || t.IsWord("or") || t.IsWord("in") || t.IsWord("is"));

    private static bool IsEmptyWord(string text) =>
        string.Equals(text, "empty", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "null", StringComparison.OrdinalIgnoreCase);

    private static string Show(QueryToken t) => t.Kind == TokenKind.String ? "\"" + t.Text + "\"" : t.Text;
}
