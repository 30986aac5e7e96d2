using System.Text.Json;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// A bad row in a CSV of KPI actuals is a value that could not be used: <c>report</c> writes every pack
/// from the rows that read, names the row by file and line in <c>dataQuality</c>, and exits 3;
/// <c>validate</c> lists it as a problem.
/// </summary>
public sealed class BadCsvRowTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "sl-csv-" + Guid.NewGuid().ToString("N")[..8]);

    public BadCsvRowTests()
    {
        Directory.CreateDirectory(dir);
        var templates = Path.Combine(Path.GetDirectoryName(DemoRun.DemoConfig)!, "..", "templates");
        File.WriteAllText(Path.Combine(dir, "actuals.csv"), "measure,period,value\nM-COST,2026-11,393\nM-COST,2026-12,lots\n");
        File.WriteAllText(Path.Combine(dir, "strategy.json"), """
            { "organization": { "id": "ACME", "name": "Acme",
                "portfolios": [ { "id": "P", "name": "Portfolio",
                  "programs": [ { "id": "PR", "name": "Program",
                    "projects": [ { "id": "PJ", "name": "Project",
                      "measurePackages": [ { "id": "MP", "name": "Package",
                        "measures": [ { "id": "M-COST", "name": "Run cost",
                          "kpi": { "target": 340, "direction": "down", "planned": { "2026-11": 385 }, "actual": { "kind": "csv", "file": "actuals.csv" } } } ] } ] } ] } ] } ] } }
            """);
        File.WriteAllText(Path.Combine(dir, "rules.json"), """{ "rules": [ { "id": "cost", "when": "labels = cost", "measure": "M-COST" } ] }""");
        File.WriteAllText(Config, $$"""
            { "store": "store.db", "logs": "logs", "strategy": "strategy.json", "rules": "rules.json",
              "templates": {{JsonSerializer.Serialize(templates)}},
              "sources": [ { "name": "jira", "type": "jira-cloud", "baseUrl": "http://127.0.0.1:9/jira", "scope": "project = PAY" } ] }
            """);
    }

    private string Config => Path.Combine(dir, "strategylayer.json");

    public void Dispose()
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Report_writes_the_packs_names_the_row_in_data_quality_and_exits_3_while_validate_lists_it()
    {
        var report = await CliRunner.RunAsync(["report", "--json", "--period", "2026-11", "--format", "html", "--out", Path.Combine(dir, "out"), "--config", Config]);

        Assert.True(report.ExitCode == 3, report.ToString());
        Assert.Contains("actuals.csv:3", report.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(report.Stdout);
        var entry = Assert.Single(json.RootElement.GetProperty("dataQuality").EnumerateArray());
        Assert.Equal(("unusable-value", 3), (entry.GetProperty("kind").GetString(), entry.GetProperty("line").GetInt32()));
        Assert.EndsWith("actuals.csv", entry.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "out", "portfolio-pack-2026-11.html")));
        Assert.Equal("green", json.RootElement.GetProperty("statuses")[0].GetProperty("potential").GetString());

        var validate = await CliRunner.RunAsync(["validate", "--config", Config]);
        Assert.True(validate.ExitCode == 2, validate.ToString());
        Assert.Contains("'lots' is not a number", validate.Stderr, StringComparison.Ordinal);
    }
}
