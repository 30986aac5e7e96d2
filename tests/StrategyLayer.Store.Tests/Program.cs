using System.Globalization;
using StrategyLayer.Store.Tests.Support;

namespace StrategyLayer.Store.Tests;

/// <summary>
/// The test assembly doubles as a console: the child process of the crash and lock tests, and the
/// by-hand measurement. Run with no arguments it does nothing (the test host never calls it).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            return 0;
        }

        switch (args[0])
        {
            case "crash-child":
                // crash-child STORE PAGES PAGESIZE: writes the crash script, resuming from the stored cursor.
                using (var store = LiteStrategyStore.Open(args[1]))
                {
                    Console.Out.WriteLine("ready");
                    Console.Out.Flush();
                    // Each committed page is announced on a long line: once the pipe's buffer is full the child
                    // waits for the parent, so a starved parent cannot let it run far ahead of the kill.
                    var padding = new string('.', 4000);
                    CrashScript.Run(store, int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), page =>
                    {
                        Console.Out.WriteLine("page " + page.ToString(CultureInfo.InvariantCulture) + " " + padding);
                        Console.Out.Flush();
                    });
                }

                Console.Out.WriteLine("done");
                return 0;

            case "hold":
                // hold STORE: opens the store and keeps it until stdin closes or says anything.
                using (LiteStrategyStore.Open(args[1]))
                {
                    Console.Out.WriteLine("holding");
                    Console.Out.Flush();
                    Console.In.ReadLine();
                }

                return 0;

            case "measure":
                // measure [COUNT] [PAGESIZE] [FOLDER]: the store's throughput, memory and size (not a test).
                return Measurement.Run(
                    args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300_000,
                    args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500,
                    args.Length > 3 ? args[3] : null);

            default:
                Console.Error.WriteLine("usage: crash-child STORE PAGES PAGESIZE | hold STORE | measure [COUNT] [PAGESIZE] [FOLDER]");
                return 2;
        }
    }
}
