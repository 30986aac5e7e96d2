using System.Globalization;
using StrategyLayer.Store.LiteDb.Tests.Support;

namespace StrategyLayer.Store.LiteDb.Tests;

/// <summary>
/// The test assembly doubles as a console: the child process of the crash, durability and lock
/// tests, and the by-hand measurement. Run with no arguments it does nothing (the test host never calls it).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            return 0;
        }

        switch (args[0])
        {
            case "crash-child":
                // crash-child STORE PAGES PAGESIZE: writes the crash script, resuming from the stored cursor.
                using (var store = LiteStrategyStore.Open(args[1], new LiteStoreOptions { TimeProvider = TimeProvider.System }))
                {
                    Console.Out.WriteLine("ready");
                    Console.Out.Flush();
                    // Each committed page is announced on a long line: once the pipe's buffer is full the child
                    // waits for the parent, so a starved parent cannot let it run far ahead of the kill.
                    var padding = new string('.', 4000);
                    await CrashScript.RunAsync(store, Int(args[2]), Int(args[3]), page =>
                    {
                        Console.Out.WriteLine("page " + page.ToString(CultureInfo.InvariantCulture) + " " + padding);
                        Console.Out.Flush();
                    });
                }

                Console.Out.WriteLine("done");
                return 0;

            case "kill-after-commit":
                // kill-after-commit STORE PAGES PAGESIZE DURABILITY STOP (see KillAfterCommitAsync).
                return await KillAfterCommitAsync(args[1], Int(args[2]), Int(args[3]), Enum.Parse<LiteDurability>(args[4]), Int(args[5]));

            case "cursor":
                // cursor STORE: prints the crash script's stored cursor (or "none").
                await using (var store3 = LiteStrategyStore.Open(args[1], new LiteStoreOptions { TimeProvider = TimeProvider.System }))
                await using (var sync = await store3.BeginSyncAsync(CrashScript.Source, CancellationToken.None))
                {
                    Console.Out.WriteLine(await sync.GetCursorAsync(CrashScript.Partition, CancellationToken.None) ?? "none");
                }

                return 0;

            case "hold":
                // hold STORE: opens the store and keeps it until stdin closes or says anything.
                using (LiteStrategyStore.Open(args[1], new LiteStoreOptions { TimeProvider = TimeProvider.System }))
                {
                    Console.Out.WriteLine("holding");
                    Console.Out.Flush();
                    Console.In.ReadLine();
                }

                return 0;

            case "measure":
                // measure [COUNT] [PAGESIZE] [FOLDER] [DURABILITY]: the store's throughput, memory and size (not a test).
                return await Measurement.RunAsync(
                    args.Length > 1 ? Int(args[1]) : 300_000,
                    args.Length > 2 ? Int(args[2]) : 2000,
                    args.Length > 3 && args[3] != "-" ? args[3] : null,
                    args.Length > 4 ? Enum.Parse<LiteDurability>(args[4]) : LiteDurability.Checkpointed);

            default:
                Console.Error.WriteLine("usage: crash-child STORE PAGES PAGESIZE | kill-after-commit STORE PAGES PAGESIZE DURABILITY STOP | cursor STORE | hold STORE | measure [COUNT] [PAGESIZE] [FOLDER|-] [DURABILITY]");
                return 2;
        }
    }

    /// <summary>
    /// Writes the crash script from the stored cursor and, the moment the commit of page
    /// <paramref name="stop"/> returns, reports it and kills itself (SIGKILL): nothing of the store's is
    /// closed, flushed or disposed after the commit said it was done.
    /// </summary>
    private static async Task<int> KillAfterCommitAsync(string path, int pages, int pageSize, LiteDurability durability, int stop)
    {
        // The line is made before the commit, so that reporting it is one write(2) between the commit and the kill.
        using var report = Console.OpenStandardOutput();
        var committedLine = System.Text.Encoding.ASCII.GetBytes("committed " + stop.ToString(CultureInfo.InvariantCulture) + "\n");
        var store = LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System, Durability = durability });
        await CrashScript.RunAsync(store, pages, pageSize, page =>
        {
            if (page == stop)
            {
                report.Write(committedLine);
                report.Flush();
                SelfKill.Now();
            }
        });
        Console.Out.WriteLine("finished without being killed");
        return 1;
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
