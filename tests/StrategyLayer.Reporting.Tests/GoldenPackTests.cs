using StrategyLayer.Reporting.Tests.Support;

namespace StrategyLayer.Reporting.Tests;

/// <summary>
/// The rendered HTML of a fixed portfolio, compared with the files under Golden/. After an
/// intended template change, regenerate them with <c>STRATEGYLAYER_UPDATE_GOLDEN=1 dotnet test …</c>
/// (the only time a test writes into the repository) and review the diff.
/// </summary>
public sealed class GoldenPackTests
{
    public static TheoryData<string, string?> Packs => new()
    {
        { "portfolio-pack", null },
        { "delivery-lead", "PAY" },
        { "untracked", null },
    };

    [Theory]
    [MemberData(nameof(Packs))]
    public async Task The_rendered_pack_matches_its_golden_file(string template, string? team)
    {
        var scope = template switch
        {
            "delivery-lead" => ReportScope.ForTeam(team!),
            "untracked" => ReportScope.Untracked,
            _ => ReportScope.Portfolio,
        };
        var suggestions = new[] { new RuleSuggestion("labels", "observability", "project = DATA and labels in (observability)", null, 3, ["jira:DATA-1", "jira:DATA-2", "jira:DATA-3"]) };
        var model = await DemoPortfolio.Builder(DemoPortfolio.Store(), webBaseUrl: "https://pmo.example.com/sl")
            .BuildAsync(new ReportRequest(DemoPortfolio.November, scope, DemoPortfolio.AsOf, suggestions), CancellationToken.None);
        var html = new PackRenderer(RepoPaths.Templates).RenderToString(template, model);
        var golden = Path.Combine(RepoPaths.TestProject, "Golden", PackFileName.For(template, team, model.Period, "html"));

        if (Environment.GetEnvironmentVariable("STRATEGYLAYER_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(golden, html);
        }

        Assert.True(File.Exists(golden), $"No golden file {golden}: run with STRATEGYLAYER_UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(await File.ReadAllTextAsync(golden), html);
    }
}
