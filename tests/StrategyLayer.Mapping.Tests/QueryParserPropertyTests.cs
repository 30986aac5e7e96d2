using System.Text;
using StrategyLayer.Mapping.Query;
using StrategyLayer.Mapping.Tests.Support;

namespace StrategyLayer.Mapping.Tests;

/// <summary>
/// Feeds the parser and compiler tens of thousands of generated and mutated queries: each one
/// either compiles (and then evaluates without throwing) or fails with positioned errors.
/// </summary>
public class QueryParserPropertyTests
{
    private static readonly string[] Vocabulary =
    [
        "project", "labels", "components", "priority", "created", "updated", "estimate", "kind", "category", "team",
        "assignment_group", "cmdb_ci", "title", "fixVersions", "removed", "custom_x", "nosuchfield",
        "=", "!=", "<", "<=", ">", ">=", "~", "!", "in", "not", "is", "empty", "null", "and", "or", "AND", "Or",
        "(", ")", ",", "\"", "\"Service Desk\"", "\"a \\\" b\"", "\\", "PAY", "pci", "-180d", "-2w", "+3h", "-99999999999d",
        "2026-11-01", "\"2026-11-01 10:00\"", "2026-13-45", "now", "1", "2.5", "-0", "1e309", "NaN", "High", "issue", "done",
        "東京", "✓", "<script>", "\u0000", "\t", "\n", "\u200B", "🙂", "''", ";", "\\\"",
    ];

    private static readonly string[] Seeds =
    [
        "project = PAY and labels in (pci, tokenization)",
        "kind = incident and assignment_group = \"Service Desk\" and priority <= 2",
        "project = CLOUD and (labels = migration or components = \"Landing Zone\")",
        "category != cancelled and updated >= -365d",
        "not (labels is empty) or estimate > 3 and created < \"2026-11-01 10:00\"",
        "title ~ \"Café \\\"façade\\\" — 東京\" and fixVersions not in (a, b, c)",
    ];

    [Fact]
    public void EveryGeneratedOrMutatedQueryCompilesOrFailsWithAPosition()
    {
        var random = new Random(20261120);
        var catalog = new FieldCatalog(["custom_x"]);
        var item = Items.Issue("PAY-1", i => i with { Labels = ["pci"], Estimate = 2 });
        int compiled = 0, failed = 0, total = 0;

        foreach (var query in Generate(random).Take(30_000))
        {
            total++;
            IReadOnlyList<QueryError> errors;
            CompiledQuery? result;
            try
            {
                if (CompiledQuery.TryCompile(query, catalog, Items.AsOf, out result, out errors))
                {
                    result!.Matches(item);
                    result.Explain(item);
                    compiled++;
                    continue;
                }
            }
            catch (Exception ex)
            {
                Assert.Fail($"query {Show(query)} threw {ex.GetType().Name}: {ex.Message}");
                return;
            }

            failed++;
            Assert.NotEmpty(errors);
            foreach (var e in errors)
            {
                Assert.InRange(e.Offset, 0, query.Length);
                Assert.True(e.Line >= 1 && e.Column >= 1, $"query {Show(query)} gave an unpositioned error: {e}");
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            }
        }

        Assert.True(total >= 20_000);

        // The generator must exercise both outcomes, or the test proves little.
        Assert.True(compiled > 1_000, $"only {compiled} of {total} compiled");
        Assert.True(failed > 1_000, $"only {failed} of {total} failed");
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(70)]
    public void DeepNestingIsRefusedWithAPositionNotAStackOverflow(int depth)
    {
        var query = new string('(', depth) + "project = PAY" + new string(')', depth);
        Assert.False(QueryParser.TryParse(query, out _, out var error));
        Assert.Contains("nests deeper", error!.Message, StringComparison.Ordinal);
        Assert.True(error.Column > 60);
    }

    [Fact]
    public void ALongButFlatQueryStillCompiles()
    {
        var query = string.Join(" or ", Enumerable.Range(0, 5_000).Select(i => $"labels = l{i}"));
        Assert.True(CompiledQuery.TryCompile(query, FieldCatalog.Open, Items.AsOf, out var q, out _));
        Assert.True(q!.Matches(Items.Issue("X-1", i => i with { Labels = ["l4999"] })));
    }

    private static IEnumerable<string> Generate(Random random)
    {
        while (true)
        {
            // Random token soup.
            var sb = new StringBuilder();
            var n = random.Next(1, 14);
            for (var i = 0; i < n; i++)
            {
                sb.Append(Vocabulary[random.Next(Vocabulary.Length)]);
                if (random.Next(4) != 0)
                {
                    sb.Append(' ');
                }
            }

            yield return sb.ToString();

            // Mutations of valid queries: truncation, insertion, deletion, swap, random unicode.
            var seed = Seeds[random.Next(Seeds.Length)];
            yield return seed[..random.Next(seed.Length + 1)];
            var at = random.Next(seed.Length + 1);
            yield return seed[..at] + Vocabulary[random.Next(Vocabulary.Length)] + seed[at..];
            var cut = random.Next(seed.Length);
            yield return seed.Remove(cut, Math.Min(random.Next(1, 6), seed.Length - cut));
            yield return seed.Insert(at, ((char)random.Next(0, 0xD7FF)).ToString());
            var chars = seed.ToCharArray();
            var a = random.Next(chars.Length);
            var b = random.Next(chars.Length);
            (chars[a], chars[b]) = (chars[b], chars[a]);
            yield return new string(chars);

            // A valid query combined with another one.
            yield return $"{seed} {(random.Next(2) == 0 ? "and" : "or")} {(random.Next(3) == 0 ? "not " : "")}({Seeds[random.Next(Seeds.Length)]})";
        }
    }

    private static string Show(string query) => "'" + query.Replace("\n", "\\n", StringComparison.Ordinal) + "'";
}
