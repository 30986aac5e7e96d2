using StrategyLayer.Domain.Items;
using StrategyLayer.Mapping.Query;
using StrategyLayer.Mapping.Tests.Support;

namespace StrategyLayer.Mapping.Tests;

public class QueryLanguageTests
{
    private static readonly FieldCatalog Catalog = new(["story_owner"]);

    private static readonly WorkItem Pay = Items.Issue("PAY-7", i => i with
    {
        Labels = ["pci", "Payments"],
        Components = ["Card Vault"],
        Priority = "High",
        PriorityRank = 2,
        Estimate = 5,
        Created = new DateTimeOffset(2026, 11, 1, 9, 30, 0, TimeSpan.Zero),
        Updated = Items.AsOf.AddDays(-10),
        Resolved = null,
        Parent = "PAY-1",
        Fields = new Dictionary<string, string?> { ["story_owner"] = "Ana", ["cmdb_ci"] = "card-vault" },
    });

    private static bool Matches(string query, WorkItem? item = null) =>
        CompiledQuery.Compile(query, Catalog, Items.AsOf).Matches(item ?? Pay);

    [Theory]
    [InlineData("project = PAY", true)]
    [InlineData("project = pay", true)]
    [InlineData("PROJECT = \"PAY\"", true)]
    [InlineData("project = WEB", false)]
    [InlineData("project != WEB", true)]
    [InlineData("project != PAY", false)]
    [InlineData("title ~ \"work on\"", true)]
    [InlineData("summary ~ pay-7", true)]
    [InlineData("title ~ nothing", false)]
    [InlineData("project in (WEB, PAY)", true)]
    [InlineData("project in (WEB, OPS)", false)]
    [InlineData("project not in (WEB, OPS)", true)]
    [InlineData("project not in (WEB, PAY)", false)]
    [InlineData("resolution is empty", true)]
    [InlineData("resolution is not empty", false)]
    [InlineData("resolution = empty", true)]
    [InlineData("project is not empty", true)]
    [InlineData("story_owner = ana", true)]
    [InlineData("cmdb_ci = \"card-vault\"", true)]
    [InlineData("parent = PAY-1", true)]
    [InlineData("epic is empty", true)]
    [InlineData("id = jira:PAY-7", true)]
    [InlineData("key = PAY-7 and source = jira", true)]
    public void TextFieldsCompareCaseInsensitively(string query, bool expected) => Assert.Equal(expected, Matches(query));

    [Theory]
    [InlineData("labels = pci", true)]
    [InlineData("labels = PAYMENTS", true)]
    [InlineData("labels = sox", false)]
    [InlineData("labels != sox", true)]
    [InlineData("labels != pci", false)]
    [InlineData("labels in (sox, pci)", true)]
    [InlineData("labels in (sox, cost)", false)]
    [InlineData("labels in (a, b, c, d, pci)", true)]
    [InlineData("labels not in (a, b, c, d, e)", true)]
    [InlineData("labels not in (sox, pci)", false)]
    [InlineData("labels ~ pay", true)]
    [InlineData("components = \"card vault\"", true)]
    [InlineData("fixVersions is empty", true)]
    [InlineData("labels is not empty", true)]
    public void MultiValuedFieldsMeanHasAndHasAny(string query, bool expected) => Assert.Equal(expected, Matches(query));

    [Theory]
    [InlineData("priority <= 2", true)]
    [InlineData("priority < 2", false)]
    [InlineData("priority = 2", true)]
    [InlineData("priority = High", true)]
    [InlineData("priority = highest", false)]
    [InlineData("priority <= High", true)]
    [InlineData("priority < High", false)]
    [InlineData("priority > Highest", true)]
    [InlineData("priority in (Highest, High)", true)]
    [InlineData("priority != High", false)]
    public void PriorityComparesByRankOrLabel(string query, bool expected) => Assert.Equal(expected, Matches(query));

    [Fact]
    public void ServiceNowPriorityLabelsMatchTheWordAfterTheRank()
    {
        var incident = Items.Incident("INC1", "Service Desk", 1);
        Assert.True(Matches("priority = Critical", incident));
        Assert.True(Matches("priority <= 2 and assignment_group = \"service desk\"", incident));
        Assert.True(Matches("team = \"Service Desk\" and kind = incident", incident));
        Assert.True(Matches("impact <= 2", incident));
        Assert.False(Matches("impact < 2", incident));
    }

    [Theory]
    [InlineData("estimate = 5", true)]
    [InlineData("estimate > 4.5", true)]
    [InlineData("estimate >= 5 and estimate <= 5", true)]
    [InlineData("estimate < 5", false)]
    [InlineData("estimate != 5", false)]
    [InlineData("estimate is not empty", true)]
    public void EstimateComparesAsANumber(string query, bool expected) => Assert.Equal(expected, Matches(query));

    [Theory]
    [InlineData("created = 2026-11-01", true)]
    [InlineData("created = 2026/11/01", true)]
    [InlineData("created < 2026-11-01", false)]
    [InlineData("created <= 2026-11-01", true)]
    [InlineData("created > 2026-11-01", false)]
    [InlineData("created >= 2026-11-01", true)]
    [InlineData("created > \"2026-11-01 09:00\"", true)]
    [InlineData("created < \"2026-11-01 10:00\"", true)]
    [InlineData("created >= \"2026-11-01T09:30:00Z\"", true)]
    [InlineData("updated >= -14d", true)]
    [InlineData("updated >= -1w", false)]
    [InlineData("updated >= -2w", true)]
    [InlineData("updated < -239h", true)]
    [InlineData("updated < -241h", false)]
    [InlineData("updated >= -14401m", true)]
    [InlineData("updated < now", true)]
    [InlineData("resolved is empty", true)]
    [InlineData("resolved < now", false)]
    [InlineData("due is empty and created < -1y", false)]
    public void DatesCompareWithAbsoluteAndRelativeValuesAtTheAsOfTime(string query, bool expected) => Assert.Equal(expected, Matches(query));

    [Theory]
    [InlineData("kind = issue", true)]
    [InlineData("kind = incident", false)]
    [InlineData("category = inprogress", true)]
    [InlineData("category = \"In Progress\"", true)]
    [InlineData("category != cancelled", true)]
    [InlineData("category in (todo, done)", false)]
    [InlineData("removed is empty", true)]
    public void KindAndCategoryTakeTheirLowerCaseNames(string query, bool expected) => Assert.Equal(expected, Matches(query));

    [Theory]
    [InlineData("project = PAY and labels = sox or labels = pci", true)]
    [InlineData("project = PAY and (labels = sox or labels = cost)", false)]
    [InlineData("not project = WEB", true)]
    [InlineData("not (project = PAY and labels = pci)", false)]
    [InlineData("NOT project = PAY OR labels = pci", true)]
    [InlineData("project = WEB or project = OPS or project = PAY", true)]
    [InlineData("((project = PAY))", true)]
    public void AndBindsTighterThanOrAndNotNegates(string query, bool expected) => Assert.Equal(expected, Matches(query));

    [Fact]
    public void QuotedStringsKeepEscapedQuotesAndKeywords()
    {
        var item = Items.Issue("WEB-1", i => i with { Title = "Say \"hello\" and or" });
        Assert.True(Matches("title = \"Say \\\"hello\\\" and or\"", item));
        Assert.True(Matches("title ~ \"and or\"", item));
    }

    [Fact]
    public void UnicodeValuesCompareAsWritten()
    {
        var item = Items.Issue("WEB-2", i => i with { Title = "Café façade — 東京 rollout ✓" });
        Assert.True(Matches("title ~ 東京", item));
        Assert.True(Matches("title ~ \"FAÇADE\"", item));
    }

    [Theory]
    [InlineData("projekt = PAY", 1, "unknown field 'projekt'")]
    [InlineData("project = PAY and labels < pci", 26, "holds several values")]
    [InlineData("created ~ 2026", 9, "does not apply to the date")]
    [InlineData("created > yesterday", 11, "is not one")]
    [InlineData("estimate > lots", 12, "is a number")]
    [InlineData("priority < urgent", 12, "no known rank")]
    [InlineData("category = finished", 12, "is not a category")]
    [InlineData("kind = ticket", 8, "is not a kind")]
    public void BindingErrorsNameTheColumn(string query, int column, string message)
    {
        var error = Assert.Throws<RuleSyntaxError>(() => CompiledQuery.Compile(query, Catalog, Items.AsOf));
        Assert.Equal(column, error.First.Column);
        Assert.Contains(message, error.First.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("project =", 10, "ends where a value")]
    [InlineData("project = PAY and", 18, "ends where a condition")]
    [InlineData("project PAY", 9, "expected an operator")]
    [InlineData("(project = PAY", 15, "expected ')'")]
    [InlineData("project = \"PAY", 11, "unterminated string")]
    [InlineData("labels in pci", 11, "expected '('")]
    [InlineData("labels in (pci sox)", 16, "expected ',' or ')'")]
    [InlineData("project ! PAY", 9, "'!' must be followed")]
    [InlineData("project is full", 12, "expected 'empty'")]
    [InlineData("", 1, "empty")]
    [InlineData("project = PAY )", 15, "unexpected ')'")]
    public void SyntaxErrorsNameTheColumn(string query, int column, string message)
    {
        Assert.False(QueryParser.TryParse(query, out _, out var error));
        Assert.Equal(column, error!.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainNamesTheFirstFailedClauseAndTheValueItSaw()
    {
        var item = Items.Issue("PAY-9", i => i with { Labels = ["payments"] });
        var query = CompiledQuery.Compile("project = PAY and labels in (pci, sox)", Catalog, Items.AsOf);
        var failure = query.Explain(item);
        Assert.NotNull(failure);
        Assert.Equal("labels in (pci, sox)", failure.Clause);
        Assert.Equal("[payments]", failure.Saw);
        Assert.Equal("labels in (pci, sox) saw [payments]", failure.ToString());
        Assert.Null(CompiledQuery.Compile("project = PAY", Catalog, Items.AsOf).Explain(item));
    }

    [Fact]
    public void ExplainOfAFailedOrQuotesTheWholeGroupAndEveryFieldSeen()
    {
        var item = Items.Issue("CLOUD-3", i => i with { Labels = ["aws"], Components = ["Kubernetes"] });
        var query = CompiledQuery.Compile("project = CLOUD and (labels = migration or components = \"Landing Zone\")", Catalog, Items.AsOf);
        var failure = query.Explain(item)!;
        Assert.Equal("(labels = migration or components = \"Landing Zone\")", failure.Clause);
        Assert.Equal("labels [aws]; components [Kubernetes]", failure.Saw);
    }

    [Fact]
    public void TheFilterCompilerReportsBadQueriesAsPositionedDiagnostics()
    {
        var compiler = new ItemFilterCompiler(["story_owner"]);
        Assert.True(compiler.Compile("story_owner = Ana and labels = pci", Items.AsOf)(Pay));
        var ex = Assert.Throws<StrategyLayer.Domain.Errors.DiagnosticsException>(() => compiler.Compile("labels = pci and colour = red", Items.AsOf));
        Assert.Equal(18, ex.Diagnostics[0].Column);
        Assert.Contains("unknown field 'colour'", ex.Message, StringComparison.Ordinal);
    }
}
