using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace StrategyLayer.Rendering;

/// <summary>
/// Lets <c>include 'name'</c> read only files inside the given folders, the first that has the
/// name winning (pages look in <c>templates/web/</c>, then <c>templates/</c>): a name that climbs
/// out (<c>../</c>), is rooted, or names no file there is a template error, not a file read.
/// </summary>
internal sealed class FolderTemplateLoader(IReadOnlyList<string> folders) : ITemplateLoader
{
    private readonly string[] roots = [.. folders.Select(f => Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar)];

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (string.IsNullOrWhiteSpace(templateName) || Path.IsPathRooted(templateName))
        {
            throw Outside(callerSpan, templateName);
        }

        var name = Path.HasExtension(templateName) ? templateName : templateName + ".sbn";
        foreach (var root in roots)
        {
            var full = Path.GetFullPath(Path.Combine(root, name));
            if (!full.StartsWith(root, StringComparison.Ordinal))
            {
                throw Outside(callerSpan, templateName);
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

    private static ScriptRuntimeException Outside(SourceSpan callerSpan, string templateName) =>
        new(callerSpan, $"include '{templateName}': only templates inside the templates folder can be included.");
}
