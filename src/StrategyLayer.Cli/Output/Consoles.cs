using Spectre.Console;

namespace StrategyLayer.Cli.Output;

/// <summary>The consoles a verb writes to.</summary>
internal static class Consoles
{
    /// <summary>
    /// Wide enough for any row: a pipe or a file has no width, and Spectre would otherwise squeeze
    /// tables to 80 columns and wrap every cell (cron jobs, CI logs and <c>| less</c> all pipe).
    /// </summary>
    private const int PipedWidth = 100_000;

    /// <summary>stdout: on a terminal, its width; piped, rows that never wrap.</summary>
    public static IAnsiConsole ForStdout()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = PipedWidth;
        }

        return console;
    }
}
