using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Rendering;

/// <summary>
/// The one way StrategyLayer renders an HTML template (packs and web pages): every value is
/// HTML-escaped unless it is our own <see cref="TrustedHtml"/> or the output of <c>include</c>;
/// templates run with loop and recursion limits, may include only files of the given folders, and
/// see nothing of .NET but the public properties of types in the given namespaces. A template
/// problem is a <see cref="DiagnosticsException"/> naming file, line and column.
/// </summary>
public sealed class TemplateRenderer
{
    public const int LoopLimit = 20_000;
    public const int RecursionLimit = 64;

    private readonly IReadOnlyList<string> includeFolders;
    private readonly IReadOnlyList<string> visibleNamespaces;
    private readonly ConcurrentDictionary<string, (DateTime Written, Template Template)>? parsed;

    /// <param name="includeFolders">Where <c>include</c> looks, in order.</param>
    /// <param name="visibleNamespaces">Namespaces (prefixes) whose types' public properties a template may read.</param>
    /// <param name="keepParsed">Keep parsed templates until their file changes (a long-running web view).</param>
    public TemplateRenderer(IReadOnlyList<string> includeFolders, IReadOnlyList<string> visibleNamespaces, bool keepParsed = false)
    {
        this.includeFolders = [.. includeFolders.Select(Path.GetFullPath)];
        this.visibleNamespaces = visibleNamespaces;
        parsed = keepParsed ? new(StringComparer.Ordinal) : null;
    }

    /// <summary>Renders the template file at <paramref name="path"/>: the model's properties are globals, and so is each of <paramref name="globals"/>.</summary>
    public string Render(string path, object model, IReadOnlyDictionary<string, object>? globals = null)
    {
        var template = Parse(path);
        var context = NewContext(model, globals);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw RuntimeError(e, path);
        }
    }

    /// <summary>Parses every <c>.sbn</c> file of <paramref name="folder"/> (not below it); returns the problems found.</summary>
    public static IReadOnlyList<Diagnostic> Validate(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.sbn").Order(StringComparer.Ordinal)
            .SelectMany(file => ParseErrors(Template.Parse(File.ReadAllText(file), file), file))];

    /// <summary>The parse errors of a template, with 1-based line and column; <paramref name="file"/> names where it came from.</summary>
    public static IReadOnlyList<Diagnostic> ParseErrors(Template template, string? file) =>
        [.. template.Messages.Where(m => m.Type == ParserMessageType.Error).Select(m => ToDiagnostic(m, file))];

    private Template Parse(string path)
    {
        var written = File.GetLastWriteTimeUtc(path);
        if (parsed is not null && parsed.TryGetValue(path, out var cached) && cached.Written == written)
        {
            return cached.Template;
        }

        var template = Template.Parse(File.ReadAllText(path), path);
        if (template.HasErrors)
        {
            throw new DiagnosticsException(ParseErrors(template, path));
        }

        if (parsed is not null)
        {
            parsed[path] = (written, template);
        }

        return template;
    }

    private EscapingTemplateContext NewContext(object model, IReadOnlyDictionary<string, object>? globals)
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        if (builtins.TryGetValue("include", out var include) && include is IScriptCustomFunction function)
        {
            builtins.SetValue("include", new TrustedInclude(function), true);
        }

        var context = new EscapingTemplateContext(builtins)
        {
            LoopLimit = LoopLimit,
            LoopLimitQueryable = LoopLimit,
            RecursiveLimit = RecursionLimit,
            StrictVariables = false,
            TemplateLoader = new FolderTemplateLoader(includeFolders),
            MemberFilter = Visible,
            EnableRelaxedMemberAccess = true,
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        var scope = new ScriptObject();
        scope.Import(model, ScriptMemberImportFlags.Property, Visible);
        foreach (var (name, value) in globals ?? new Dictionary<string, object>())
        {
            scope.SetValue(name, value, true);
        }

        context.PushGlobal(scope);
        return context;
    }

    // Templates see the public properties of our own view types, and nothing else of .NET.
    private bool Visible(MemberInfo member) =>
        member is PropertyInfo { CanRead: true } property
        && property.GetMethod is { IsPublic: true, IsStatic: false }
        && property.GetIndexParameters().Length == 0
        && member.DeclaringType?.Namespace is { } ns
        && visibleNamespaces.Any(v => ns.StartsWith(v, StringComparison.Ordinal))
        && property.Name != "EqualityContract";

    private static DiagnosticsException RuntimeError(ScriptRuntimeException e, string path)
    {
        var span = e.Span;
        var file = string.IsNullOrEmpty(span.FileName) ? path : span.FileName;
        var diagnostics = e is ScriptParserRuntimeException parser && parser.ParserMessages.Count > 0
            ? [.. parser.ParserMessages.Select(m => ToDiagnostic(m, file))]
            : new List<Diagnostic> { new(e.OriginalMessage, file, span.Start.Line + 1, span.Start.Column + 1) };
        return new DiagnosticsException(diagnostics);
    }

    private static Diagnostic ToDiagnostic(LogMessage m, string? file) =>
        new(m.Message, string.IsNullOrEmpty(m.Span.FileName) ? file : m.Span.FileName, m.Span.Start.Line + 1, m.Span.Start.Column + 1);
}
