namespace StrategyLayer.Sandbox.Jira;

internal static class JqlLexer
{
    public static List<JqlToken> Tokenize(string jql)
    {
        var tokens = new List<JqlToken>();
        var i = 0;
        while (i < jql.Length)
        {
            var c = jql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            switch (c)
            {
                case '(':
                    tokens.Add(new(JqlTokenKind.LeftParen, "(", i++));
                    continue;
                case ')':
                    tokens.Add(new(JqlTokenKind.RightParen, ")", i++));
                    continue;
                case ',':
                    tokens.Add(new(JqlTokenKind.Comma, ",", i++));
                    continue;
                case '"' or '\'':
                    i++;
                    var text = new System.Text.StringBuilder();
                    while (i < jql.Length && jql[i] != c)
                    {
                        if (jql[i] == '\\' && i + 1 < jql.Length)
                        {
                            i++;
                        }

                        text.Append(jql[i++]);
                    }

                    if (i >= jql.Length)
                    {
                        throw new JqlException($"Error in the JQL Query: The quoted string starting at character {start + 1} is not terminated. (line 1, character {start + 1})");
                    }

                    i++;
                    tokens.Add(new(JqlTokenKind.String, text.ToString(), start));
                    continue;
                case '=' or '~':
                    tokens.Add(new(JqlTokenKind.Operator, c.ToString(), i++));
                    continue;
                case '!' or '<' or '>':
                    i++;
                    if (i < jql.Length && (jql[i] == '=' || (c == '!' && jql[i] == '~')))
                    {
                        i++;
                    }

                    tokens.Add(new(JqlTokenKind.Operator, jql[start..i], start));
                    continue;
            }

            while (i < jql.Length && !char.IsWhiteSpace(jql[i]) && "(),=~!<>\"'".IndexOf(jql[i], StringComparison.Ordinal) < 0)
            {
                i++;
            }

            if (i == start)
            {
                throw new JqlException($"Error in the JQL Query: The character '{c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u{(int)c:x4}' instead. (line 1, character {start + 1})");
            }

            tokens.Add(new(JqlTokenKind.Word, jql[start..i], start));
        }

        tokens.Add(new(JqlTokenKind.End, "", jql.Length));
        return tokens;
    }
}
