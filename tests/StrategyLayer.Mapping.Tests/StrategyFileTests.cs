using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Mapping.Files;

namespace StrategyLayer.Mapping.Tests;

public sealed class StrategyFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Tree(string measures) => $$"""
        {
          "organization": { "id": "ACME", "name": "Acme",
            "portfolios": [ { "id": "P", "name": "Portfolio", "businessOwner": "B", "technicalOwner": "T",
              "programs": [ { "id": "PR", "name": "Program",
                "projects": [ { "id": "PJ", "name": "Project",
                  "measurePackages": [ { "id": "MP", "name": "Package",
                    "measures": [
        {{measures}}
                    ] } ] } ] } ] } ] }
        }
        """;

    private async Task<(StrategyTree? Tree, List<Diagnostic> Diagnostics)> LoadAsync(string text)
    {
        var path = _folder.Write("strategy.json", text);
        var diagnostics = new List<Diagnostic>();
        return (await StrategyFile.LoadAsync(path, diagnostics, CancellationToken.None), diagnostics);
    }

    private static string RelativeTree(string month, string measures) => "{ \"periodsRelativeTo\": \"" + month + "\"," + Tree(measures).TrimStart()[1..];

    [Fact]
    public async Task ATreeWrittenRelativeToAMonthIsReadShiftedToTheCurrentMonth()
    {
        var (tree, diagnostics) = await LoadAsync(RelativeTree("2026-11", """
            { "id": "M-ENTERED", "name": "Entered", "kpi": { "target": 40, "planned": { "2026-10": 12, "2026-11": 18, "2026-12": 25 },
              "actual": { "kind": "entered", "values": { "2026-11": 19 } } } },
            { "id": "M-DONE", "name": "Done ratio", "kpi": { "target": 100, "planned": { "2026-11": 38 }, "actual": { "kind": "computed", "of": "done-ratio" } } }
            """));

        Assert.Empty(diagnostics);
        Assert.Equal("2026-11", tree!.PeriodsRelativeTo);
        var february = tree.AnchoredTo(Domain.Reporting.ReportingPeriod.Parse("2027-02"));
        var entered = february.FindMeasure("M-ENTERED")!.Kpi;
        Assert.Equal(new Dictionary<string, double> { ["2027-01"] = 12, ["2027-02"] = 18, ["2027-03"] = 25 }, entered.Planned);
        Assert.Equal(19, ((EnteredActual)entered.Actual).Values["2027-02"]);
        Assert.Equal(38, february.FindMeasure("M-DONE")!.Kpi.Planned["2027-02"]);

        // In its own month, and for a tree that is not relative, nothing moves.
        Assert.Equal(18, tree.AnchoredTo(Domain.Reporting.ReportingPeriod.Parse("2026-11")).FindMeasure("M-ENTERED")!.Kpi.Planned["2026-11"]);
        var (absolute, _) = await LoadAsync(Tree("""{ "id": "M-1", "name": "One", "kpi": { "target": 1, "planned": { "2026-11": 1 }, "actual": { "kind": "entered", "values": {} } } }"""));
        Assert.Same(absolute, absolute!.AnchoredTo(Domain.Reporting.ReportingPeriod.Parse("2027-02")));
    }

    [Fact]
    public async Task ATreeWrittenRelativeToAMonthNamesAQuarterKeyByLine()
    {
        var (tree, diagnostics) = await LoadAsync(RelativeTree("2026-11", """
            { "id": "M-1", "name": "One", "kpi": { "target": 1, "planned": { "2026-Q4": 1 }, "actual": { "kind": "entered", "values": {} } } }
            """));

        Assert.Null(tree);
        var problem = Assert.Single(diagnostics);
        Assert.Contains("'2026-Q4' is not a month", problem.Message, StringComparison.Ordinal);
        Assert.NotNull(problem.Line);
    }

    [Fact]
    public async Task AGoodTreeLoadsEveryLevelAndEachKindOfActual()
    {
        _folder.Write("actuals.csv", "measure,period,value\nM-CSV,2026-10,3\nM-CSV,2026-11,4.5\nOTHER,2026-11,9\n");
        var (tree, diagnostics) = await LoadAsync(Tree("""
            { "id": "M-DONE", "name": "Done ratio", "kpi": { "unit": "%", "target": 100, "planned": { "2026-11": 40, "2026-Q4": 50, "2026-W48": 45 },
              "actual": { "kind": "computed", "of": "done-ratio" } } },
            { "id": "M-SUM", "name": "Points", "kpi": { "target": 200, "direction": "down", "actual": { "kind": "computed", "of": { "sum": "estimate" } } } },
            { "id": "M-RATIO", "name": "Ratio", "kpi": { "target": 90, "actual": { "kind": "computed", "of": { "ratio": [ "category = done", "kind = incident" ] } } } },
            { "id": "M-ENTERED", "name": "Entered", "kpi": { "target": 5, "actual": { "kind": "entered", "values": { "2026-11": 3 } } } },
            { "id": "M-CSV", "name": "From CSV", "kpi": { "target": 5, "actual": { "kind": "csv", "file": "actuals.csv" } } }
            """));

        Assert.Empty(diagnostics);
        Assert.NotNull(tree);
        Assert.Equal("ACME", tree.Organization.Id);
        Assert.Equal("B", tree.Organization.Portfolios[0].BusinessOwner);
        Assert.Equal(["M-DONE", "M-SUM", "M-RATIO", "M-ENTERED", "M-CSV"], tree.Measures.Select(m => m.Id));
        var done = tree.FindMeasure("m-done")!.Kpi;
        Assert.Equal(40, done.Planned["2026-11"]);
        Assert.Equal(50, done.Planned["2026-Q4"]);
        Assert.Equal(new ComputedActual(ComputedKind.DoneRatio), done.Actual);
        Assert.Equal(KpiDirection.Down, tree.FindMeasure("M-SUM")!.Kpi.Direction);
        Assert.Equal(new ComputedActual(ComputedKind.Sum, Field: "estimate"), tree.FindMeasure("M-SUM")!.Kpi.Actual);
        Assert.Equal("kind = incident", ((ComputedActual)tree.FindMeasure("M-RATIO")!.Kpi.Actual).Denominator);
        Assert.Equal(3, ((EnteredActual)tree.FindMeasure("M-ENTERED")!.Kpi.Actual).Values["2026-11"]);
        var csv = (EnteredActual)tree.FindMeasure("M-CSV")!.Kpi.Actual;
        Assert.Equal(4.5, csv.Values["2026-11"]);
        Assert.Equal(2, csv.Values.Count);
        Assert.EndsWith("actuals.csv", csv.CsvFile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kpi_names_its_pacing_or_takes_the_default_of_its_actuals_kind_and_an_unknown_pacing_is_reported_where_it_is()
    {
        var (tree, diagnostics) = await LoadAsync(Tree("""
            { "id": "M-LIN", "name": "Default computed", "kpi": { "target": 1, "actual": { "kind": "computed", "of": "count" } } },
            { "id": "M-WHOLE", "name": "Default entered", "kpi": { "target": 1, "actual": { "kind": "entered", "values": {} } } },
            { "id": "M-END", "name": "Period end", "kpi": { "target": 1, "pacing": "period-end", "actual": { "kind": "computed", "of": "count" } } },
            { "id": "M-ENT-LIN", "name": "Entered, paced", "kpi": { "target": 1, "pacing": "linear", "actual": { "kind": "entered", "values": {} } } }
            """));

        Assert.Empty(diagnostics);
        Assert.Equal(
            [KpiPacing.Linear, KpiPacing.WholePeriod, KpiPacing.PeriodEnd, KpiPacing.Linear],
            tree!.Measures.Select(m => m.Kpi.EffectivePacing));
        Assert.Null(tree.FindMeasure("M-LIN")!.Kpi.Pacing);

        var (bad, problems) = await LoadAsync(Tree("""
            { "id": "M-X", "name": "Typo", "kpi": { "target": 1, "pacing": "monthly", "actual": { "kind": "computed", "of": "count" } } }
            """));
        Assert.Null(bad);
        Assert.Contains(problems, d => d.Line == 8 && d.Path!.EndsWith(".kpi.pacing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryProblemInTheTreeIsReportedWithLineAndPath()
    {
        var (tree, diagnostics) = await LoadAsync(Tree("""
            { "id": "M-1", "name": "One", "kpi": { "unit": "%", "actual": { "kind": "computed", "of": "count" } } },
            { "id": "M-1", "name": "Again", "kpi": { "target": 1, "planned": { "2026-13": 4, "next month": 5 }, "actual": { "kind": "computed", "of": "count" } } },
            { "id": "", "name": "Blank", "owner": "x", "kpi": { "target": 1, "actual": { "kind": "computed", "of": { "ratio": [ "category = done", "kind = = incident" ] } } } },
            { "id": "M-4", "name": "Csv", "kpi": { "target": 1, "actual": { "kind": "csv", "file": "missing.csv" } } }
            """));

        Assert.Null(tree);
        var text = string.Join("\n", diagnostics.Select(d => d.ToString()));
        Assert.Contains(diagnostics, d => d.Message == "missing required key 'target'" && d.Line == 8 && d.Path!.EndsWith(".kpi.target", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Message.StartsWith("duplicate id 'M-1'", StringComparison.Ordinal) && d.Line == 9);
        Assert.Contains(diagnostics, d => d.Message.Contains("'2026-13' is not a reporting period", StringComparison.Ordinal) && d.Line == 9);
        Assert.Contains(diagnostics, d => d.Message.Contains("'next month' is not a reporting period", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Message.Contains("must not be empty", StringComparison.Ordinal) && d.Line == 10);
        Assert.Contains(diagnostics, d => d.Message == "unknown key 'owner'" && d.Line == 10);
        Assert.Contains(diagnostics, d => d.Message.StartsWith("ratio filter does not parse", StringComparison.Ordinal) && d.Line == 10 && d.Column > 100);
        Assert.Contains(diagnostics, d => d.Message.StartsWith("csv actuals file not found", StringComparison.Ordinal) && d.Line == 11);
        Assert.All(diagnostics, d => Assert.EndsWith("strategy.json", d.File, StringComparison.Ordinal));
        Assert.True(diagnostics.Count == 8, text);
        Assert.Single(diagnostics, d => d.Message.Contains("empty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMalformedCsvRowIsLeftOutAndNamedByItsOwnFileAndLineWhileTheOtherRowsAreUsed()
    {
        _folder.Write("bad.csv", "measure,period,value\nM-1,2026-11,3\nM-1,2026-11\nM-1,Nov,4\nM-1,2026-12,lots\n");
        var (tree, diagnostics) = await LoadAsync(Tree("""
            { "id": "M-1", "name": "One", "kpi": { "target": 1, "actual": { "kind": "csv", "file": "bad.csv" } } }
            """));

        Assert.Empty(diagnostics);
        Assert.Equal(new Dictionary<string, double> { ["2026-11"] = 3 }, ((EnteredActual)tree!.FindMeasure("M-1")!.Kpi.Actual).Values);
        var unusable = tree.UnusableValues;
        Assert.Equal(3, unusable.Count);
        Assert.All(unusable, u => Assert.EndsWith("bad.csv", u.File, StringComparison.Ordinal));
        Assert.Equal([3, 4, 5], unusable.Select(u => u.Line));
        Assert.Contains("expected 3 columns", unusable[0].Problem, StringComparison.Ordinal);
        Assert.Contains("'lots' is not a number", unusable[2].Problem, StringComparison.Ordinal);

        _folder.Write("noheader.csv", "M-1,2026-11,3\n");
        var (_, headerless) = await LoadAsync(Tree("""{ "id": "M-1", "name": "One", "kpi": { "target": 1, "actual": { "kind": "csv", "file": "noheader.csv" } } }"""));
        Assert.Contains("header measure,period,value", Assert.Single(headerless).Message, StringComparison.Ordinal);
    }
}
