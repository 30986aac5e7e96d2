namespace StrategyLayer.Connectors.ServiceNow.Tests.Support;

/// <summary>
/// Evaluates ServiceNow encoded queries the way the Table API documents them: <c>^NQ</c> ORs whole
/// queries, <c>^</c> ANDs groups, and <c>^OR</c> ORs a term into the group before it (binding tighter
/// than <c>^</c>). Values compare as ordinal strings, which orders sys_ids and UTC dates correctly.
/// </summary>
public sealed class FakeQuery
{
    private static readonly string[] Operators = ["ISNOTEMPTY", "ISEMPTY", "STARTSWITH", "NOT IN", "LIKE", "IN", ">=", "<=", "!=", "=", ">", "<"];

    private readonly List<List<List<Term>>> _branches = [];

    public FakeQuery(string query)
    {
        foreach (var branch in query.Split("^NQ"))
        {
            var groups = new List<List<Term>>();
            foreach (var raw in branch.Split('^'))
            {
                if (raw.Length == 0 || raw == "EQ")
                {
                    continue;
                }

                if (raw.StartsWith("ORDERBYDESC", StringComparison.Ordinal))
                {
                    OrderBy.Add((raw["ORDERBYDESC".Length..], true));
                    continue;
                }

                if (raw.StartsWith("ORDERBY", StringComparison.Ordinal))
                {
                    OrderBy.Add((raw["ORDERBY".Length..], false));
                    continue;
                }

                if (raw.StartsWith("OR", StringComparison.Ordinal) && groups.Count > 0)
                {
                    groups[^1].Add(Term.Parse(raw[2..]));
                }
                else
                {
                    groups.Add([Term.Parse(raw)]);
                }
            }

            if (groups.Count > 0)
            {
                _branches.Add(groups);
            }
        }
    }

    public List<(string Field, bool Descending)> OrderBy { get; } = [];

    /// <summary>Fields the query names, in order (for checks of what the client sent).</summary>
    public IEnumerable<string> Fields => _branches.SelectMany(b => b).SelectMany(g => g).Select(t => t.Field);

    public bool Matches(Func<string, string?> value) =>
        _branches.Count == 0 || _branches.Exists(b => b.TrueForAll(g => g.Exists(t => t.Matches(value))));

    private sealed record Term(string Field, string Op, string Operand)
    {
        public static Term Parse(string text)
        {
            var end = 0;
            while (end < text.Length && (char.IsAsciiLetterLower(text[end]) || char.IsAsciiDigit(text[end]) || text[end] is '_' or '.'))
            {
                end++;
            }

            var rest = text[end..];
            var op = Operators.FirstOrDefault(o => rest.StartsWith(o, StringComparison.Ordinal))
                ?? throw new FormatException($"unknown operator in '{text}'");
            return new Term(text[..end], op, rest[op.Length..]);
        }

        public bool Matches(Func<string, string?> value)
        {
            var v = value(Field) ?? "";
            return Op switch
            {
                "ISNOTEMPTY" => v.Length > 0,
                "ISEMPTY" => v.Length == 0,
                "STARTSWITH" => v.StartsWith(Operand, StringComparison.OrdinalIgnoreCase),
                "LIKE" => v.Contains(Operand, StringComparison.OrdinalIgnoreCase),
                "IN" => Operand.Split(',').Contains(v, StringComparer.Ordinal),
                "NOT IN" => !Operand.Split(',').Contains(v, StringComparer.Ordinal),
                "=" => string.Equals(v, Operand, StringComparison.Ordinal),
                "!=" => !string.Equals(v, Operand, StringComparison.Ordinal),
                ">" => string.CompareOrdinal(v, Operand) > 0,
                ">=" => string.CompareOrdinal(v, Operand) >= 0,
                "<" => string.CompareOrdinal(v, Operand) < 0,
                "<=" => string.CompareOrdinal(v, Operand) <= 0,
                _ => false,
            };
        }
    }
}
