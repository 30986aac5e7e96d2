using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace StrategyLayer.Web.Views;

/// <summary>
/// <c>include 'name'</c> reads a page partial from <c>templates/web/</c>, else a pack partial from
/// <c>templates/</c> (so pages reuse <c>_status</c> and <c>_freshness</c>); nothing outside those.
/// </summary>
internal sealed class TemplatesLoader(string templatesFolder, string pagesFolder) : ITemplateLoader
{
    private readonly string[] roots =
    [
        Path.GetFullPath(pagesFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar,
        Path.GetFullPath(templatesFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar,
    ];

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (string.IsNullOrWhiteSpace(templateName) || Path.IsPathRooted(templateName))
        {
            throw new ScriptRuntimeException(callerSpan, $"include '{templateName}': only templates of the templates folder can be included.");
        }

        var name = Path.HasExtension(templateName) ? templateName : templateName + ".sbn";
        foreach (var root in roots)
        {
            var full = Path.GetFullPath(Path.Combine(root, name));
            if (!full.StartsWith(root, StringComparison.Ordinal))
            {
                throw new ScriptRuntimeException(callerSpan, $"include '{templateName}': only templates of the templates folder can be included.");
            }

            if (File.Exists(full))
            {
                return full;
            }
        }

        throw new ScriptRuntimeException(callerSpan, $"include '{templateName}': no such template in the templates folder.");
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => File.ReadAllText(templatePath);

    public async ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        await File.ReadAllTextAsync(templatePath).ConfigureAwait(false);
}
