using StrategyLayer.Domain.Errors;
using StrategyLayer.Rendering;

namespace StrategyLayer.Web.Views;

/// <summary>
/// Renders a page template (<c>templates/web/{name}.sbn</c>) with a page model through the one
/// <see cref="TemplateRenderer"/>, the way packs are rendered: values escaped by default, loop and
/// recursion limits, and the template sees only the public properties of our own view types.
/// Pages include their partials from <c>templates/web/</c>, else from <c>templates/</c> (so they
/// reuse <c>_status</c> and <c>_freshness</c>). Parsed templates are kept until their file changes.
/// </summary>
internal sealed class PageRenderer
{
    private static readonly string[] Pages = ["portfolio", "teams", "items", "item", "untracked", "runs", "error"];

    private readonly TemplateRenderer renderer;

    public PageRenderer(string templatesFolder)
    {
        TemplatesFolder = Path.GetFullPath(templatesFolder);
        PagesFolder = Path.Combine(TemplatesFolder, "web");

        // Pages see our web pages, the report model, the mapping views and the application's item
        // rows and pages, nothing else of .NET.
        renderer = new TemplateRenderer(
            [PagesFolder, TemplatesFolder],
            ["StrategyLayer.Web", "StrategyLayer.Reporting", "StrategyLayer.Mapping", "StrategyLayer.Application"],
            keepParsed: true);
    }

    public string TemplatesFolder { get; }

    public string PagesFolder { get; }

    /// <summary>The page's HTML; a template problem is a <see cref="DiagnosticsException"/> naming file, line and column.</summary>
    public string Render(string page, object model)
    {
        var path = Path.Combine(PagesFolder, page + ".sbn");
        if (!File.Exists(path))
        {
            throw new DiagnosticsException([new Diagnostic("The web view's page template is missing.", path)]);
        }

        return renderer.Render(path, model);
    }

    public IReadOnlyList<Diagnostic> Validate()
    {
        if (!Directory.Exists(PagesFolder))
        {
            return [new Diagnostic("The web view's page templates are missing (expected the web/ folder of the templates folder).", PagesFolder)];
        }

        var missing = Pages
            .Select(page => Path.Combine(PagesFolder, page + ".sbn"))
            .Where(path => !File.Exists(path))
            .Select(path => new Diagnostic($"The web view's '{Path.GetFileNameWithoutExtension(path)}' page template is missing.", path));
        return [.. missing, .. TemplateRenderer.Validate(PagesFolder)];
    }
}
