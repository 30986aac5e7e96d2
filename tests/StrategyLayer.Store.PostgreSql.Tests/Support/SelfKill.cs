using System.Runtime.InteropServices;

namespace StrategyLayer.Store.PostgreSql.Tests.Support;

/// <summary>SIGKILL to this process through kill(2), with nothing in between: no dispose, no connection closed.</summary>
internal static partial class SelfKill
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
