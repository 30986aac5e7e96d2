using System.Net;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using StrategyLayer.Reporting.Model;

namespace StrategyLayer.Web.Views;

/// <summary>
/// Escapes by default, as the packs do: every value an expression writes is HTML-encoded whatever
/// the page template says; only <see cref="TrustedHtml"/> (markup our code made, and rendered
/// partials) is written as it is. Literal template text never passes through here.
/// </summary>
internal sealed class EscapingContext(ScriptObject builtins) : TemplateContext(builtins)
{
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
