using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using StrategyLayer.Reporting.Model;

namespace StrategyLayer.Web.Views;

/// <summary>Scriban's <c>include</c>, whose output (a partial rendered with escaping) is written as markup.</summary>
internal sealed class PartialInclude(IScriptCustomFunction inner) : IScriptCustomFunction
{
    public int RequiredParameterCount => inner.RequiredParameterCount;

    public int ParameterCount => inner.ParameterCount;

    public ScriptVarParamKind VarParamKind => inner.VarParamKind;

    public Type ReturnType => typeof(object);

    public ScriptParameterInfo GetParameterInfo(int index) => inner.GetParameterInfo(index);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        Wrap(inner.Invoke(context, callerContext, arguments, blockStatement));

    public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        Wrap(await inner.InvokeAsync(context, callerContext, arguments, blockStatement).ConfigureAwait(false));

    private static object? Wrap(object? result) => result is string s ? new TrustedHtml(s) : result;
}
