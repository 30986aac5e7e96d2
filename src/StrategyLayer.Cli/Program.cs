using System.CommandLine;
using StrategyLayer.Cli.Commands;
using StrategyLayer.Cli.Hosting;

namespace StrategyLayer.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("StrategyLayer: maps Jira and ServiceNow work to strategy, and reports on it. Run `strategylayer demo` to see it work.");
        GlobalOptions.AddTo(root);
        // The one clock of the process: every stage reads it through the invocation.
        foreach (var command in Verbs.All(TimeProvider.System))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync(UsageError.Describe(root, parse)).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        // Ctrl-C cancels the verb's token; the verb finishes its current page and exits with 130.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30), EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(invocation).ConfigureAwait(false);
    }
}
