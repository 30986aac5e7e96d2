namespace StrategyLayer.Mapping.Query;

/// <summary>
/// Splits a query into tokens. A bare word is any run of characters that are not white space,
/// quotes, parentheses, commas or operator characters, so that <c>-180d</c>, <c>PAY-12</c> and
/// <c>2026-11-01</c> are single words.
/// </summary>
internal static class QueryLexer
{
    public static List<QueryToken> Tokenize(string text)
    {
        var tokens = new List<QueryToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            switch (c)
            {
                case '(':
                    tokens.Add(new QueryToken(TokenKind.LParen, "(", i, i + 1));
                    i++;
                    continue;
                case ')':
                    tokens.Add(new QueryToken(TokenKind.RParen, ")", i, i + 1));
                    i++;
                    continue;
                case ',':
                    tokens.Add(new QueryToken(TokenKind.Comma, ",", i, i + 1));
                    i++;
                    continue;
                case '"':
                    tokens.Add(ReadString(text, ref i));
                    continue;
                case '=' or '~':
                    tokens.Add(new QueryToken(TokenKind.Operator, c.ToString(), i, i + 1));
                    i++;
                    continue;
                case '<' or '>':
                    var two = i + 1 < text.Length && text[i + 1] == '=';
                    tokens.Add(new QueryToken(TokenKind.Operator, two ? c + "=" : c.ToString(), i, i + (two ? 2 : 1)));
                    i += two ? 2 : 1;
                    continue;
                case '!':
                    if (i + 1 < text.Length && text[i + 1] == '=')
                    {
                        tokens.Add(new QueryToken(TokenKind.Operator, "!=", i, i + 2));
                        i += 2;
                        continue;
                    }

                    throw RuleSyntaxError.At(text, i, "'!' must be followed by '=' (use 'not' to negate)");
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            tokens.Add(new QueryToken(TokenKind.Word, text[start..i], start, i));
        }

        tokens.Add(new QueryToken(TokenKind.End, "", text.Length, text.Length));
        return tokens;
    }

    private static bool IsWordChar(char c) =>
        !char.IsWhiteSpace(c) && c is not ('(' or ')' or ',' or '"' or '=' or '~' or '<' or '>' or '!');

    private static QueryToken ReadString(string text, ref int i)
    {
        var start = i;
        var sb = new System.Text.StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (i + 1 >= text.Length)
                {
                    break;
                }

                var next = text[i + 1];
                sb.Append(next switch { 'n' => '\n', 't' => '\t', _ => next });
                i += 2;
                continue;
            }

            if (c == '"')
            {
                i++;
                return new QueryToken(TokenKind.String, sb.ToString(), start, i);
            }

            sb.Append(c);
            i++;
        }

        throw RuleSyntaxError.At(text, start, "unterminated string: a closing '\"' is missing");
    }
}
