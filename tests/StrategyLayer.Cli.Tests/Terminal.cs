using System.Diagnostics;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// Runs a command under a pseudo-terminal, as a person at a terminal would (<c>script -qec "…" /dev/null</c>):
/// stdin, stdout and stderr are a tty, so live displays draw. Returns the exit code and everything the
/// terminal showed.
/// </summary>
public static class Terminal
{
    public static async Task<CliResult> RunAsync(IEnumerable<string> command, string workingDirectory, TimeSpan timeout, IDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo("script")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add("-qec");
        info.ArgumentList.Add(string.Join(' ', command.Select(Quote)));
        info.ArgumentList.Add("/dev/null");
        info.Environment["TERM"] = "xterm-256color";
        info.Environment["COLUMNS"] = "120";
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[k] = v;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(string.Join(' ', command) + " did not finish under a terminal: " + await stdout);
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The CLI built beside the tests, as a terminal command.</summary>
    public static string[] Cli(params string[] args) => ["dotnet", CliRunner.Dll, .. args];

    /// <summary>True when the text shows a .NET stack trace or an unhandled exception.</summary>
    public static bool HasStackTrace(string text) =>
        text.Contains("   at ", StringComparison.Ordinal)
        || text.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase)
        || text.Contains("interactive functions concurrently", StringComparison.Ordinal);

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
