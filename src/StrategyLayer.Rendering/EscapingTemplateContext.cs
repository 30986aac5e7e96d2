using System.Net;
using Scriban;
using Scriban.Parsing;

namespace StrategyLayer.Rendering;

/// <summary>
/// Escapes by default: every value an expression writes (<c>{{ item.title }}</c>) is HTML-encoded,
/// whatever the template says; only <see cref="TrustedHtml"/> (markup our code generated, and the
/// output of <c>include</c>, which renders the PMO's own partials) is written as it is. The
/// template's literal text does not pass through here, so the template's own markup is kept.
/// </summary>
internal sealed class EscapingTemplateContext : TemplateContext
{
    public EscapingTemplateContext(Scriban.Runtime.ScriptObject builtins)
        : base(builtins)
    {
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject) =>
        textAsObject switch
        {
            null => this,
            TrustedHtml trusted => base.Write(span, trusted.Html),
            _ => base.Write(span, WebUtility.HtmlEncode(ObjectToString(textAsObject))),
        };

    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) =>
        textAsObject switch
        {
            null => ValueTask.FromResult<TemplateContext>(this),
            TrustedHtml trusted => base.WriteAsync(span, trusted.Html),
            _ => base.WriteAsync(span, WebUtility.HtmlEncode(ObjectToString(textAsObject))),
        };
}
