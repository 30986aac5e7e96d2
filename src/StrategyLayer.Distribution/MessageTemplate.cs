using Scriban;
using Scriban.Runtime;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Rendering;

namespace StrategyLayer.Distribution;

/// <summary>
/// Renders a subject line from a Scriban template string. In scope: <c>audience</c>, <c>period</c>,
/// <c>template</c>, <c>summary</c>, <c>link</c>. Sandboxed like the report templates: loop and
/// recursion limits, no file or include access.
/// </summary>
public static class MessageTemplate
{
    /// <summary>Problems with a template string, for <c>validate</c>; <paramref name="where"/> names the config key.</summary>
    public static IReadOnlyList<Diagnostic> Check(string text, string where)
    {
        return [.. TemplateRenderer.ParseErrors(Template.Parse(text), file: null)
            .Select(d => d with { Message = $"subject template: {d.Message}", Path = where })];
    }

    public static string Render(string text, string audience, string period, string? template, string? summary, string? link)
    {
        var parsed = Template.Parse(text);
        if (parsed.HasErrors)
        {
            throw new StrategyLayerException($"subject template: {string.Join("; ", parsed.Messages.Select(m => m.Message))}", ErrorKind.Usage, "subject");
        }

        var globals = new ScriptObject
        {
            ["audience"] = audience,
            ["period"] = period,
            ["template"] = template ?? "",
            ["summary"] = summary ?? "",
            ["link"] = link ?? "",
        };
        var context = new TemplateContext { LoopLimit = 100, RecursiveLimit = 10, LimitToString = 1000, EnableRelaxedMemberAccess = true };
        context.PushGlobal(globals);

        // A subject is one line: a newline would start the message body in a mail header.
        var rendered = parsed.Render(context).ReplaceLineEndings(" ").Trim();
        return rendered.Length > 250 ? rendered[..250] : rendered;
    }

    /// <summary>The plain-text body: the summary, then the link.</summary>
    public static string Body(string? summary, string? link) =>
        link is null ? (summary ?? "").Trim() : $"{(summary ?? "").Trim()}{Environment.NewLine}{Environment.NewLine}{link}";
}
