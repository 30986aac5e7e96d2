using System.Diagnostics;

namespace StrategyLayer.Store.LiteDb.Tests.Support;

/// <summary>Runs this test assembly as a child process (see Program.cs) with its stdin and stdout piped.</summary>
public static class ChildProcess
{
    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start the child process");
    }

    /// <summary>Reads stdout lines until one equals <paramref name="line"/>; false if the child ends first.</summary>
    public static bool WaitForLine(Process process, string line, TimeSpan timeout)
    {
        var read = Task.Run(() =>
        {
            string? l;
            while ((l = process.StandardOutput.ReadLine()) is not null)
            {
                if (l == line)
                {
                    return true;
                }
            }

            return false;
        });
        return read.Wait(timeout) && read.Result;
    }
}
