using System.Runtime.InteropServices;

namespace StrategyLayer.Testing;

/// <summary>
/// SIGKILL to this process through kill(2), with nothing in between: the tightest "killed right after"
/// a test can make (Process.Kill first gathers process information).
/// </summary>
public static partial class SelfKill
{
    private const int SigKill = 9;

    public static void Now()
    {
        if (OperatingSystem.IsWindows())
        {
            Environment.FailFast("killed by the test");
        }

        Kill(Environment.ProcessId, SigKill);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
