using StrategyLayer.Reporting.Model;
using StrategyLayer.Reporting.Tests.Support;

namespace StrategyLayer.Browser.Tests;

/// <summary>The packs of the fixed demo portfolio (hostile and unicode titles included), rendered into a temp folder: portfolio, untracked, and delivery-lead for DATA and (key <c>delivery-lead-OPS</c>) OPS.</summary>
internal sealed class PackFiles : IDisposable
{
    private readonly TempFolder temp = new();

    private PackFiles()
    {
    }

    public string Folder => temp.Path;

    public Dictionary<string, string> Html { get; } = [];

    public ReportModel Portfolio { get; private set; } = null!;

    public static async Task<PackFiles> RenderAsync()
    {
        var files = new PackFiles();
        var renderer = new StrategyLayer.Reporting.PackRenderer(RepoPaths.Templates);
        var builder = DemoPortfolio.Builder(DemoPortfolio.Store());
        var data = await builder.SnapshotPeriodAsync(DemoPortfolio.November, DemoPortfolio.AsOf, CancellationToken.None);
        foreach (var (template, scope) in new[]
        {
            ("portfolio-pack", StrategyLayer.Reporting.ReportScope.Portfolio),
            ("delivery-lead", StrategyLayer.Reporting.ReportScope.ForTeam("DATA")),
            ("delivery-lead", StrategyLayer.Reporting.ReportScope.ForTeam("OPS")),
            ("untracked", StrategyLayer.Reporting.ReportScope.Untracked),
        })
        {
            var model = await builder.BuildAsync(data, scope, null, CancellationToken.None);
            if (template == "portfolio-pack")
            {
                files.Portfolio = model;
            }

            var path = files.temp.File(StrategyLayer.Reporting.PackFileName.For(template, scope.Team, model.Period, "html"));
            await renderer.RenderAsync(template, model, path);
            files.Html[scope.Team is "OPS" ? template + "-OPS" : template] = path;
        }

        // A PMO's own template: prints titles plainly, and has no CSP to fall back on.
        File.WriteAllText(files.temp.File("plain.sbn"), "<!DOCTYPE html><html><body><ul>{{ for i in items }}<li>{{ i.title }}</li>{{ end }}</ul></body></html>");
        var plain = await builder.BuildAsync(data, StrategyLayer.Reporting.ReportScope.Untracked, null, CancellationToken.None);
        var plainPath = files.temp.File("plain.html");
        await new StrategyLayer.Reporting.PackRenderer(files.temp.Path).RenderAsync("plain", plain, plainPath);
        files.Html["plain"] = plainPath;
        return files;
    }

    public void Dispose() => temp.Dispose();
}
