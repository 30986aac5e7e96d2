using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Configuration;
using StrategyLayer.Distribution;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Mapping.Files;
using StrategyLayer.Reporting;
using StrategyLayer.Scheduling;
using StrategyLayer.Web;

namespace StrategyLayer.Cli.Commands;

/// <summary>
/// <c>validate [--online]</c>: the config, the strategy tree, the rules and the templates; every
/// problem listed by file, line and path; exit 0 or 2.
/// </summary>
internal static class ValidateCommand
{
    private static readonly Option<bool> OnlineOption = new("--online") { Description = "Also ask the sources (JQL, ServiceNow columns)" };

    public static Command Create(TimeProvider time) => Verb.Create("validate", "Check the config, strategy tree, rules and templates", time, RunAsync, OnlineOption);

    private static async Task<int> RunAsync(Invocation invocation, ParseResult parse, CancellationToken ct)
    {
        ConfigFile.RequireExists(invocation.ConfigNamed, invocation.ConfigPath);
        var problems = new List<Diagnostic>();
        var config = await ConfigLoader.TryLoadAsync(invocation.ConfigPath, problems, null, ct).ConfigureAwait(false);
        var configProblems = problems.Count;
        if (config is not null)
        {
            // Every check runs whatever the config's own problems: one pass lists them all. A config
            // with problems is not adopted (its logs folder, secrets) and is not taken online.
            if (configProblems == 0)
            {
                invocation.UseConfig(config);
            }

            foreach (var check in Checks)
            {
                await check(invocation, config, problems, ct).ConfigureAwait(false);
            }

            if (configProblems == 0 && parse.GetValue(OnlineOption))
            {
                foreach (var settings in config.Sources)
                {
                    await using var source = SourceFactory.Create(settings, invocation.Logs, invocation.Time);
                    problems.AddRange(await source.ValidateOnlineAsync(ct).ConfigureAwait(false));
                }
            }
        }

        var view = new
        {
            valid = problems.Count == 0,
            problems = problems.Select(p => new { file = p.File, line = p.Line, column = p.Column, path = p.Path, message = p.Message }),
        };
        invocation.Output(view, console =>
        {
            if (problems.Count == 0)
            {
                console.MarkupLine($"[green]valid[/]: {Markup.Escape(Path.GetFullPath(invocation.ConfigPath))}");
            }
        });
        if (problems.Count > 0 && !invocation.JsonOutput)
        {
            await Console.Error.WriteLineAsync(Verb.Describe(new DiagnosticsException(problems))).ConfigureAwait(false);
        }

        return problems.Count == 0 ? ExitCodes.Success : ExitCodes.BadInput;
    }

    /// <summary>Checks beyond the config file itself (strategy, rules, templates), added as stages land.</summary>
    private static readonly List<Func<Invocation, AppConfig, List<Diagnostic>, CancellationToken, Task>> Checks =
    [
        (_, config, problems, _) =>
        {
            problems.AddRange(DistributionCheck.Check(config.Audiences, config.Channels, config.File));
            problems.AddRange(ScheduleCheck.Check(config.Schedules, config.File));
            return Task.CompletedTask;
        },
        async (_, config, problems, ct) =>
        {
            // An empty path is a key the schema already reported missing. validate names every problem,
            // a CSV row the tree would leave out included (report then exits 3).
            if (config.Strategy.Length > 0 && config.Rules.Length > 0)
            {
                var files = await MappingFiles.LoadAsync(config.Strategy, config.Rules, config.CustomFields, problems, ct).ConfigureAwait(false);
                problems.AddRange(files?.Tree.UnusableValues.Select(u => new Diagnostic(u.Problem, u.File, u.Line)) ?? []);
            }
        },
        (invocation, config, problems, _) =>
        {
            problems.AddRange(invocation.App.Report.CheckTemplates(config.Templates));
            problems.AddRange(WebServer.ValidateTemplates(config.Templates));
            try
            {
                ReportSettings.FromJson(config.StatusJson, config.File);
            }
            catch (DiagnosticsException ex)
            {
                problems.AddRange(ex.Diagnostics);
            }

            return Task.CompletedTask;
        },
    ];
}
