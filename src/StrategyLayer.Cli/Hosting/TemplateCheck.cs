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
    public static async Task ThrowIfBrokenAsync(Invocation invocation, CancellationToken ct)
    {
        var config = await invocation.ConfigAsync(ct).ConfigureAwait(false);
        var problems = invocation.App.Report.CheckTemplates(config.Templates);
        if (problems.Count > 0)
        {
            throw new DiagnosticsException(problems);
        }
    }
}
