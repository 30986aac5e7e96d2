using System.CommandLine;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Cli.Reading;

namespace StrategyLayer.Cli.Commands;

/// <summary><c>serve [--urls URL]</c>: the read-only web view over the store (default http://127.0.0.1:5080).</summary>
internal static class ServeCommand
{
    public static Command Create(TimeProvider time) => Verb.Create("serve", "The read-only web view over the store", time, RunAsync, WebHosting.UrlsOption);

    private static async Task<int> RunAsync(Invocation invocation, ParseResult parse, CancellationToken ct)
    {
        await using var server = await WebHosting.StartAsync(invocation, parse.GetValue(WebHosting.UrlsOption), ct).ConfigureAwait(false);
        await using var reads = await ReaderApi.StartAsync(invocation, ct).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C is how the web view is meant to stop.
        }

        return ExitCodes.Success;
    }
}
