using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Reporting.Model;
using StrategyLayer.Reporting.Rendering;

namespace StrategyLayer.Reporting;

/// <summary>
/// Renders a template of the templates folder (<c>{name}.sbn</c>) with a <see cref="ReportModel"/>
/// into self-contained HTML. Every value is HTML-escaped unless it is our own <see cref="TrustedHtml"/>;
/// templates run with loop and recursion limits and see nothing but the model (and the partials
/// of the templates folder). A template error is a <see cref="DiagnosticsException"/> naming the
/// template file, line and column.
/// </summary>
public sealed class PackRenderer(string templatesFolder, ILogger<PackRenderer>? log = null)
{
    public const int LoopLimit = 20_000;
    public const int RecursionLimit = 64;

    private readonly ILogger log = log ?? NullLogger<PackRenderer>.Instance;

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

    public string RenderToString(string templateName, ReportModel model)
    {
        var path = TemplatePath(templateName);
        var template = Parse(path);
        var context = NewContext(model);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw TemplateError(e, path);
        }
    }

    /// <summary>Parses every template of the folder (for <c>validate</c>); returns the problems found.</summary>
    public IReadOnlyList<Diagnostic> Validate()
    {
        var problems = new List<Diagnostic>();
        if (!Directory.Exists(TemplatesFolder))
        {
            return [new Diagnostic("The templates folder does not exist.", TemplatesFolder)];
        }

        foreach (var file in Directory.EnumerateFiles(TemplatesFolder, "*.sbn").Order(StringComparer.Ordinal))
        {
            var template = Template.Parse(File.ReadAllText(file), file);
            problems.AddRange(template.Messages.Where(m => m.Type == Scriban.Parsing.ParserMessageType.Error)
                .Select(m => new Diagnostic(m.Message, file, m.Span.Start.Line + 1, m.Span.Start.Column + 1)));
        }

        return problems;
    }

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

    private static Template Parse(string path)
    {
        var template = Template.Parse(File.ReadAllText(path), path);
        if (template.HasErrors)
        {
            throw new DiagnosticsException([.. template.Messages
                .Where(m => m.Type == Scriban.Parsing.ParserMessageType.Error)
                .Select(m => new Diagnostic(m.Message, path, m.Span.Start.Line + 1, m.Span.Start.Column + 1))]);
        }

        return template;
    }

    /// <summary>The one version of Directory.Build.props: every pack's footer names it.</summary>
    public static string Version { get; } =
        typeof(PackRenderer).Assembly.GetCustomAttributes(typeof(AssemblyInformationalVersionAttribute), false)
            .OfType<AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0";

    private EscapingTemplateContext NewContext(ReportModel model)
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
            TemplateLoader = new FolderTemplateLoader(TemplatesFolder),
            MemberFilter = ModelMember,
            EnableRelaxedMemberAccess = true,
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        var globals = new ScriptObject();
        globals.Import(model, ScriptMemberImportFlags.Property, ModelMember);
        globals.SetValue("model", model, true);
        globals.SetValue("strategylayer_version", Version, true);
        context.PushGlobal(globals);
        return context;
    }

    // Templates see the public properties of our model types, and nothing else of .NET.
    private static bool ModelMember(MemberInfo member) =>
        member is PropertyInfo { CanRead: true } property
        && property.GetMethod is { IsPublic: true, IsStatic: false }
        && property.GetIndexParameters().Length == 0
        && (member.DeclaringType?.Namespace?.StartsWith("StrategyLayer.Reporting", StringComparison.Ordinal) ?? false)
        && property.Name != "EqualityContract";

    private static DiagnosticsException TemplateError(ScriptRuntimeException e, string path)
    {
        var span = e.Span;
        var file = string.IsNullOrEmpty(span.FileName) ? path : span.FileName;
        var diagnostics = e is ScriptParserRuntimeException parser && parser.ParserMessages.Count > 0
            ? parser.ParserMessages.Select(m => new Diagnostic(m.Message, string.IsNullOrEmpty(m.Span.FileName) ? file : m.Span.FileName, m.Span.Start.Line + 1, m.Span.Start.Column + 1)).ToList()
            : [new Diagnostic(e.OriginalMessage, file, span.Start.Line + 1, span.Start.Column + 1)];
        return new DiagnosticsException(diagnostics);
    }
}
