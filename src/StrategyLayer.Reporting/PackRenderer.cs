using System.Reflection;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Rendering;
using StrategyLayer.Reporting.Model;

namespace StrategyLayer.Reporting;

/// <summary>
/// Renders a template of the templates folder (<c>{name}.sbn</c>) with a <see cref="ReportModel"/>
/// into self-contained HTML through the one <see cref="TemplateRenderer"/> (escaped by default,
/// limits, only the model's properties and the partials of the templates folder). A template
/// error is a <see cref="DiagnosticsException"/> naming the template file, line and column.
/// </summary>
public sealed class PackRenderer(string templatesFolder, ILogger<PackRenderer>? log = null)
{
    private readonly ILogger log = log ?? NullLogger<PackRenderer>.Instance;

    private readonly TemplateRenderer renderer = new([templatesFolder], ["StrategyLayer.Reporting"]);

    public string TemplatesFolder { get; } = Path.GetFullPath(templatesFolder);

    /// <summary>Renders <paramref name="templateName"/> and writes the HTML to <paramref name="outPath"/> (folders created).</summary>
    public async Task<string> RenderAsync(string templateName, ReportModel model, string outPath, CancellationToken cancellationToken = default)
    {
        var html = RenderToString(templateName, model);
        var folder = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(outPath, html, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        log.LogInformation("Wrote {Template} pack for {Period} to {Path}", templateName, model.Period, outPath);
        return outPath;
    }

    public string RenderToString(string templateName, ReportModel model) =>
        renderer.Render(TemplatePath(templateName), model, new Dictionary<string, object> { ["model"] = model, ["strategylayer_version"] = Version });

    /// <summary>Parses every template of the folder (for <c>validate</c>); returns the problems found.</summary>
    public IReadOnlyList<Diagnostic> Validate() =>
        Directory.Exists(TemplatesFolder)
            ? TemplateRenderer.Validate(TemplatesFolder)
            : [new Diagnostic("The templates folder does not exist.", TemplatesFolder)];

    private string TemplatePath(string templateName)
    {
        if (string.IsNullOrWhiteSpace(templateName) || templateName.IndexOfAny(['/', '\\']) >= 0 || templateName.StartsWith('.'))
        {
            throw new DiagnosticsException([new Diagnostic($"'{templateName}' is not a template name (use a file name of the templates folder without .sbn).", TemplatesFolder)]);
        }

        var path = Path.Combine(TemplatesFolder, templateName.EndsWith(".sbn", StringComparison.Ordinal) ? templateName : templateName + ".sbn");
        if (!File.Exists(path))
        {
            throw new DiagnosticsException([new Diagnostic($"No template '{templateName}' in the templates folder.", path)]);
        }

        return path;
    }

    /// <summary>The one version of Directory.Build.props: every pack's footer names it.</summary>
    public static string Version { get; } =
        typeof(PackRenderer).Assembly.GetCustomAttributes(typeof(AssemblyInformationalVersionAttribute), false)
            .OfType<AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0";
}
