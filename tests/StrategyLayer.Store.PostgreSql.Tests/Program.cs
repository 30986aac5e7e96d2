using System.Globalization;
using StrategyLayer.Store.PostgreSql.Tests.Support;

namespace StrategyLayer.Store.PostgreSql.Tests;

/// <summary>
/// The test assembly doubles as the child process the durability test kills. Run with no arguments
/// it does nothing (the test host never calls it).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 4 && args[0] == "kill-after-commit")
        {
            // kill-after-commit URI PAGESIZE STOP
            return await KilledSync.RunAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
        }

        return args.Length == 0 ? 0 : 2;
    }
}
