using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Cli.Commands;

/// <summary>
/// <c>init</c>: a starter config for a real Jira Cloud and ServiceNow (credentials named by
/// environment variable), a strategy tree, rules and a copy of the templates, written into the
/// current folder; <c>validate</c>-clean once the environment variables it names are set. Never
/// overwrites a file.
/// </summary>
internal static class InitCommand
{
    public static Command Create(TimeProvider time) => Verb.Create("init", "Write a starter config, strategy tree, rules and templates for your Jira and ServiceNow into this folder", time, RunAsync);

    private static Task<int> RunAsync(Invocation invocation, ParseResult parse, CancellationToken ct)
    {
        var here = Directory.GetCurrentDirectory();
        var files = new List<(string From, string To)>
        {
            (Path.Combine(Installation.Starter, "strategylayer.json"), Path.Combine(here, ConfigFile.Here)),
            (Path.Combine(Installation.Starter, "strategy.json"), Path.Combine(here, "strategy.json")),
            (Path.Combine(Installation.Starter, "rules.json"), Path.Combine(here, "rules.json")),
        };
        foreach (var file in Directory.EnumerateFiles(Installation.Templates, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".png", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            files.Add((file, Path.Combine(here, "templates", Path.GetRelativePath(Installation.Templates, file))));
        }

        var existing = files.Where(f => File.Exists(f.To)).Select(f => Path.GetRelativePath(here, f.To)).ToList();
        if (existing.Count > 0)
        {
            throw new StrategyLayerException(
                $"init writes a new setup and never overwrites a file; already here: {string.Join(", ", existing.Take(5))}{(existing.Count > 5 ? $" and {existing.Count - 5} more" : "")}. Run it in an empty folder.",
                ErrorKind.Usage);
        }

        foreach (var (from, to) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
        }

        var written = files.Select(f => f.To).ToList();
        invocation.Output(new { folder = here, files = written }, console =>
        {
            console.MarkupLine($"Wrote a starter setup in [bold]{Markup.Escape(here)}[/]:");
            console.MarkupLine("  strategylayer.json  your Jira Cloud and ServiceNow (credentials by environment variable)");
            console.MarkupLine("  strategy.json       your strategy tree: organization → … → measures with KPIs");
            console.MarkupLine("  rules.json          how items map to measures");
            console.MarkupLine("  templates/          the pack and web view templates, yours to edit");
            console.MarkupLine("Next: set JIRA_USER, JIRA_TOKEN, SERVICENOW_USER and SERVICENOW_PASSWORD; put your two base URLs and");
            console.MarkupLine("  scopes in strategylayer.json; then [bold]strategylayer validate --online[/] and [bold]strategylayer run[/].");
        });
        return Task.FromResult(ExitCodes.Success);
    }
}
