using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Reporting;
using StrategyLayer.Reporting.Rendering;

namespace StrategyLayer.Web.Views;

/// <summary>
/// Renders a page template (<c>templates/web/{name}.sbn</c>) with a page model, the way packs are
/// rendered: values escaped by default, loop and recursion limits, and the template sees only the
/// public properties of our own view types. Parsed templates are kept until their file changes.
/// </summary>
internal sealed class PageRenderer
{
    private readonly ConcurrentDictionary<string, (DateTime Written, Template Template)> parsed = new(StringComparer.Ordinal);

    public PageRenderer(string templatesFolder)
    {
        TemplatesFolder = Path.GetFullPath(templatesFolder);
        PagesFolder = Path.Combine(TemplatesFolder, "web");
    }

    public string TemplatesFolder { get; }

    public string PagesFolder { get; }

    /// <summary>The page's HTML; a template problem is a <see cref="DiagnosticsException"/> naming file, line and column.</summary>
    public string Render(string page, object model)
    {
        var path = Path.Combine(PagesFolder, page + ".sbn");
        var template = Parse(path);
        var context = NewContext(model);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            var file = string.IsNullOrEmpty(e.Span.FileName) ? path : e.Span.FileName;
            throw new DiagnosticsException([new Diagnostic(e.OriginalMessage, file, e.Span.Start.Line + 1, e.Span.Start.Column + 1)]);
        }
    }

    public IReadOnlyList<Diagnostic> Validate()
    {
        if (!Directory.Exists(PagesFolder))
        {
            return [new Diagnostic("The web view's page templates are missing (expected the web/ folder of the templates folder).", PagesFolder)];
        }

        var problems = new List<Diagnostic>();
        foreach (var page in new[] { "portfolio", "teams", "items", "item", "untracked", "runs", "error" })
        {
            if (!File.Exists(Path.Combine(PagesFolder, page + ".sbn")))
            {
                problems.Add(new Diagnostic($"The web view's '{page}' page template is missing.", Path.Combine(PagesFolder, page + ".sbn")));
            }
        }

        foreach (var file in Directory.EnumerateFiles(PagesFolder, "*.sbn").Order(StringComparer.Ordinal))
        {
            var template = Template.Parse(File.ReadAllText(file), file);
            problems.AddRange(template.Messages.Where(m => m.Type == Scriban.Parsing.ParserMessageType.Error)
                .Select(m => new Diagnostic(m.Message, file, m.Span.Start.Line + 1, m.Span.Start.Column + 1)));
        }

        return problems;
    }

    private Template Parse(string path)
    {
        if (!File.Exists(path))
        {
            throw new DiagnosticsException([new Diagnostic("The web view's page template is missing.", path)]);
        }

        var written = File.GetLastWriteTimeUtc(path);
        if (parsed.TryGetValue(path, out var cached) && cached.Written == written)
        {
            return cached.Template;
        }

        var template = Template.Parse(File.ReadAllText(path), path);
        if (template.HasErrors)
        {
            throw new DiagnosticsException([.. template.Messages
                .Where(m => m.Type == Scriban.Parsing.ParserMessageType.Error)
                .Select(m => new Diagnostic(m.Message, path, m.Span.Start.Line + 1, m.Span.Start.Column + 1))]);
        }

        parsed[path] = (written, template);
        return template;
    }

    private EscapingTemplateContext NewContext(object model)
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        if (builtins.TryGetValue("include", out var include) && include is IScriptCustomFunction function)
        {
            builtins.SetValue("include", new TrustedInclude(function), true);
        }

        var context = new EscapingTemplateContext(builtins)
        {
            LoopLimit = PackRenderer.LoopLimit,
            LoopLimitQueryable = PackRenderer.LoopLimit,
            RecursiveLimit = PackRenderer.RecursionLimit,
            StrictVariables = false,
            TemplateLoader = new TemplatesLoader(TemplatesFolder, PagesFolder),
            MemberFilter = ViewMember,
            EnableRelaxedMemberAccess = true,
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        var globals = new ScriptObject();
        globals.Import(model, ScriptMemberImportFlags.Property, ViewMember);
        context.PushGlobal(globals);
        return context;
    }

    // Pages see the public properties of our view types (web pages, report model, mapping views, the
    // application's item rows and pages), nothing else of .NET.
    private static bool ViewMember(MemberInfo member) =>
        member is PropertyInfo { CanRead: true } property
        && property.GetMethod is { IsPublic: true, IsStatic: false }
        && property.GetIndexParameters().Length == 0
        && member.DeclaringType?.Namespace is { } ns
        && (ns.StartsWith("StrategyLayer.Web", StringComparison.Ordinal)
            || ns.StartsWith("StrategyLayer.Reporting", StringComparison.Ordinal)
            || ns.StartsWith("StrategyLayer.Mapping", StringComparison.Ordinal)
            || ns == "StrategyLayer.Application")
        && property.Name != "EqualityContract";
}
