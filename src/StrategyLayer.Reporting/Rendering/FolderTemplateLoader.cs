using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace StrategyLayer.Reporting.Rendering;

/// <summary>
/// Lets <c>include 'name'</c> read only files inside the templates folder: a name that climbs out
/// (<c>../</c>), is rooted, or names no file there is a template error, not a file read.
/// </summary>
internal sealed class FolderTemplateLoader(string folder) : ITemplateLoader
{
    private readonly string root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (string.IsNullOrWhiteSpace(templateName) || Path.IsPathRooted(templateName))
        {
            throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"include '{templateName}': only templates inside the templates folder can be included.");
        }

        var name = Path.HasExtension(templateName) ? templateName : templateName + ".sbn";
        var full = Path.GetFullPath(Path.Combine(root, name));
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"include '{templateName}': only templates inside the templates folder can be included.");
        }

        if (!File.Exists(full))
        {
            throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"include '{templateName}': no such template in the templates folder.");
        }

        return full;
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => File.ReadAllText(templatePath);

    public async ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        await File.ReadAllTextAsync(templatePath).ConfigureAwait(false);
}
