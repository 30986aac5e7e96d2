using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Cli.Hosting;

/// <summary>
/// The pack templates checked before a verb that renders them starts (<c>run</c>, <c>schedule</c>):
/// a template that does not parse stops the start with file, line and column (exit 2), rather than
/// failing one pack after the others were written. Template names are checked as names when the
/// config loads.
/// </summary>
internal static class TemplateCheck
{
    public static void ThrowIfBroken(Invocation invocation)
    {
        var problems = invocation.App.Report.CheckTemplates();
        if (problems.Count > 0)
        {
            throw new DiagnosticsException(problems);
        }
    }
}
